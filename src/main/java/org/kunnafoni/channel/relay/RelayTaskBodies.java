package org.kunnafoni.channel.relay;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Reads the JSON bodies an SMSSync phone posts with {@code task=sent} and {@code task=result}. */
final class RelayTaskBodies {
    private static final int MAX_UUID_LENGTH = 128;

    private RelayTaskBodies() {
    }

    /** One {@code message_result} entry; the app names the delivery fields both "delivered_…" and "delivery_…". */
    record Result(String uuid, OptionalInt sentCode, OptionalInt deliveredCode, String deliveredMessage) {
    }

    /** The uuids of {@code {"queued_messages":[…]}}, or empty when the body is not of that shape. */
    static Optional<List<String>> queuedUuids(JsonObject body) {
        if (body == null || !(body.getValue("queued_messages") instanceof JsonArray array)) {
            return Optional.empty();
        }
        List<String> uuids = new ArrayList<>();
        for (Object item : array) {
            if (item instanceof String uuid && validUuid(uuid)) {
                uuids.add(uuid.trim());
            }
        }
        return Optional.of(uuids);
    }

    /** The entries of {@code {"message_result":[…]}} that carry a uuid, or empty when the body is not of that shape. */
    static Optional<List<Result>> results(JsonObject body) {
        if (body == null || !(body.getValue("message_result") instanceof JsonArray array)) {
            return Optional.empty();
        }
        List<Result> results = new ArrayList<>();
        for (Object item : array) {
            if (item instanceof JsonObject entry && entry.getValue("uuid") instanceof String uuid && validUuid(uuid)) {
                results.add(new Result(uuid.trim(), code(entry, "sent_result_code"),
                        code(entry, "delivered_result_code").isPresent() ? code(entry, "delivered_result_code")
                                : code(entry, "delivery_result_code"),
                        text(entry, "delivered_result_message").or(() -> text(entry, "delivery_result_message"))
                                .orElse("")));
            }
        }
        return Optional.of(results);
    }

    private static boolean validUuid(String uuid) {
        return !uuid.isBlank() && uuid.length() <= MAX_UUID_LENGTH;
    }

    /** Codes arrive as JSON numbers or as strings depending on the app version. */
    static OptionalInt code(JsonObject entry, String field) {
        Object value = entry.getValue(field);
        if (value instanceof Number number) {
            return OptionalInt.of(number.intValue());
        }
        if (value instanceof String text) {
            try {
                return OptionalInt.of(Integer.parseInt(text.trim()));
            } catch (NumberFormatException e) {
                return OptionalInt.empty();
            }
        }
        return OptionalInt.empty();
    }

    private static Optional<String> text(JsonObject entry, String field) {
        return entry.getValue(field) instanceof String text ? Optional.of(text) : Optional.empty();
    }
}
