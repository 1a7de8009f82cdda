package org.kunnafoni.bench;

/**
 * Least-squares fits for the soak's verdicts. {@code slope} is in y units per x unit; {@code r2} is the share of
 * the variance the fit explains (1 = every point on the line; near 0 = no trend, only noise).
 */
record Trend(int points, double slope, double intercept, double mean, double r2) {

    /** y = intercept + slope × x. */
    static Trend line(double[] x, double[] y) {
        int n = x.length;
        if (n < 2) {
            return new Trend(n, Double.NaN, Double.NaN, n == 1 ? y[0] : Double.NaN, Double.NaN);
        }
        double mx = mean(x);
        double my = mean(y);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        double slope = sxx == 0 ? Double.NaN : sxy / sxx;
        double r2 = syy == 0 ? 1 : sxy * sxy / (sxx * syy);
        return new Trend(n, slope, my - slope * mx, my, r2);
    }

    /** y = c + a × x1 + b × x2, by the normal equations; {@code [a, b, c, r2]}. NaN when the points do not fix it. */
    static double[] plane(double[] x1, double[] x2, double[] y) {
        int n = y.length;
        double m1 = mean(x1);
        double m2 = mean(x2);
        double my = mean(y);
        double s11 = 0;
        double s22 = 0;
        double s12 = 0;
        double s1y = 0;
        double s2y = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            double d1 = x1[i] - m1;
            double d2 = x2[i] - m2;
            double dy = y[i] - my;
            s11 += d1 * d1;
            s22 += d2 * d2;
            s12 += d1 * d2;
            s1y += d1 * dy;
            s2y += d2 * dy;
            syy += dy * dy;
        }
        double det = s11 * s22 - s12 * s12;
        if (n < 4 || Math.abs(det) < 1e-9 * Math.max(1, s11 * s22)) {
            return new double[]{Double.NaN, Double.NaN, Double.NaN, Double.NaN};
        }
        double a = (s1y * s22 - s2y * s12) / det;
        double b = (s2y * s11 - s1y * s12) / det;
        double c = my - a * m1 - b * m2;
        double residual = 0;
        for (int i = 0; i < n; i++) {
            double e = y[i] - (c + a * x1[i] + b * x2[i]);
            residual += e * e;
        }
        return new double[]{a, b, c, syy == 0 ? 1 : 1 - residual / syy};
    }

    private static double mean(double[] v) {
        double sum = 0;
        for (double d : v) {
            sum += d;
        }
        return v.length == 0 ? Double.NaN : sum / v.length;
    }
}
