package org.kunnafoni.channel.twilio;

import java.util.Optional;

/** The TwiML answers the gateway gives: an empty {@code <Response/>}, or one {@code <Message>}. */
public final class TwiML {
    public static final String EMPTY = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

    private TwiML() {
    }

    public static String response(Optional<String> message) {
        return message.map(text -> "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Message>"
                + escape(text) + "</Message></Response>").orElse(EMPTY);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                default -> {
                    if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
