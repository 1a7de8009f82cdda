package org.kunnafoni.web.radio;

import org.kunnafoni.radio.AirTimes;
import org.kunnafoni.radio.RadioScript;
import org.kunnafoni.radio.ScriptSections;

import java.time.format.DateTimeFormatter;

/** The script as a page a presenter prints; every text is HTML-escaped (station names and scripts are data). */
final class PrintablePage {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");
    private static final String STYLE = "body{font:16pt/1.5 serif;max-width:40em;margin:2em auto}"
            + "h2{font-size:12pt;text-transform:uppercase;color:#555}";
    /** The page's own policy: nothing loads, only this exact inline style applies (the API's policy has none). */
    static final String CSP = "default-src 'none'; style-src 'sha256-" + sha256(STYLE) + "'";

    private static String sha256(String text) {
        try {
            return java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private PrintablePage() {
    }

    static String render(String station, RadioScript s, ScriptSections sections) {
        StringBuilder html = new StringBuilder("<!doctype html><html lang=\"").append(escape(s.language().code()))
                .append("\"><head><meta charset=\"utf-8\"><title>").append(escape(station)).append(" — ")
                .append(escape(s.topic())).append("</title><style>").append(STYLE).append("</style></head><body><h1>")
                .append(escape(station)).append("</h1><p>").append(escape(WHEN.format(s.airAt().atZone(AirTimes.BAMAKO))))
                .append(" · ").append(s.slotLength().toMinutes()).append(" min · lecture ")
                .append(s.readingTime().toSeconds()).append(" s · code <strong>").append(escape(s.code()))
                .append("</strong></p>");
        sections.sections().forEach((name, text) -> {
            if (!name.isEmpty()) {
                html.append("<h2>").append(escape(name)).append("</h2>");
            }
            for (String paragraph : text.split("\n")) {
                if (!paragraph.isBlank()) {
                    html.append("<p>").append(escape(paragraph)).append("</p>");
                }
            }
        });
        return html.append("<p>Après diffusion : SMS <strong>DIFF ").append(escape(s.code()))
                .append("</strong></p></body></html>").toString();
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
