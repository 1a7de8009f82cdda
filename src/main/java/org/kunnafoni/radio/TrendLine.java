package org.kunnafoni.radio;

import org.kunnafoni.triage.Language;

import java.util.Optional;

/**
 * A sentence for the script about how many reports monitors verified in the region lately. Only a region-level
 * count, and only from {@link #MINIMUM}: a smaller number on air could point at one incident, one village, one
 * family. Written in French only; other script languages get no trend line.
 */
public final class TrendLine {
    public static final int MINIMUM = 5;
    public static final int DAYS = 30;

    private TrendLine() {
    }

    public static Optional<String> sentence(Language script, String regionName, long verified) {
        if (verified < MINIMUM || script != Language.FRA) {
            return Optional.empty();
        }
        return Optional.of("Ces " + DAYS + " derniers jours, " + verified + " signalements d'enfants en danger dans la "
                + "région de " + regionName + " ont été vérifiés par les agents de protection de l'enfance. "
                + "Vos messages comptent.");
    }
}
