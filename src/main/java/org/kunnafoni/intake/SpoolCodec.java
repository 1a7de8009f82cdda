package org.kunnafoni.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.kunnafoni.channel.InboundMessage;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** How an inbound message is written in a spool record (a flat JSON object). */
final class SpoolCodec {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<Map<String, String>> FLAT = new TypeReference<>() { };

    private SpoolCodec() {
    }

    static byte[] encode(InboundMessage m) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("channel", m.channel());
        fields.put("kind", m.kind().name());
        fields.put("providerId", m.providerId());
        fields.put("from", m.from());
        fields.put("to", m.to());
        fields.put("body", m.body());
        fields.put("receivedAt", m.receivedAt().toString());
        m.deviceId().ifPresent(d -> fields.put("deviceId", d));
        try {
            return JSON.writeValueAsBytes(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a flat map of strings always serialises", e);
        }
    }

    static InboundMessage decode(byte[] bytes) {
        try {
            Map<String, String> f = JSON.readValue(bytes, FLAT);
            return new InboundMessage(f.get("channel"), InboundMessage.Kind.valueOf(f.get("kind")),
                    f.get("providerId"), f.get("from"), f.get("to"), f.get("body"),
                    Instant.parse(f.get("receivedAt")), Optional.ofNullable(f.get("deviceId")));
        } catch (Exception e) {
            throw new IllegalArgumentException("corrupt spool record: " + new String(bytes, 0,
                    Math.min(bytes.length, 16), StandardCharsets.UTF_8).replaceAll("[^\\x20-\\x7e]", "?") + "…", e);
        }
    }
}
