package org.kunnafoni.channel.twilio;

import org.kunnafoni.channel.InboundMessage;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Maps Twilio's webhook parameters to an {@link InboundMessage}; pure, so tested with tables. */
final class TwilioInbound {
    private static final List<String> REQUIRED = List.of("MessageSid", "From", "Body");
    private static final String WHATSAPP_PREFIX = "whatsapp:";

    private TwilioInbound() {
    }

    static Optional<String> missingField(Map<String, String> params) {
        return REQUIRED.stream().filter(name -> params.get(name) == null
                || !"Body".equals(name) && params.get(name).isBlank()).findFirst();
    }

    static InboundMessage toMessage(Map<String, String> params, Instant receivedAt) {
        String from = params.get("From").trim();
        boolean whatsapp = from.regionMatches(true, 0, WHATSAPP_PREFIX, 0, WHATSAPP_PREFIX.length());
        String to = params.getOrDefault("To", "");
        return new InboundMessage(
                TwilioSmsWebhook.CHANNEL,
                whatsapp ? InboundMessage.Kind.WHATSAPP : InboundMessage.Kind.SMS,
                params.get("MessageSid").trim(),
                whatsapp ? from.substring(WHATSAPP_PREFIX.length()) : from,
                to.regionMatches(true, 0, WHATSAPP_PREFIX, 0, WHATSAPP_PREFIX.length())
                        ? to.substring(WHATSAPP_PREFIX.length()) : to,
                params.get("Body"),
                receivedAt,
                Optional.empty());
    }
}
