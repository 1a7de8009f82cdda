package org.kunnafoni.channel.twilio;

import com.twilio.security.RequestValidator;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Checks {@code X-Twilio-Signature} for every Twilio webhook: against the configured public URL plus the request
 * path and query (never the Host header, which an attacker controls), over every form parameter received.
 */
final class TwilioSignature {
    private final String publicBase;
    private final Optional<RequestValidator> validator;

    TwilioSignature(URI publicUrl, Optional<String> authToken) {
        this.publicBase = publicUrl.toString().replaceAll("/+$", "");
        this.validator = authToken.filter(t -> !t.isBlank()).map(RequestValidator::new);
    }

    /** False without an auth token: nothing can be verified, so every request is refused. */
    boolean enabled() {
        return validator.isPresent();
    }

    /** The form parameters when the signature is valid, else empty. */
    Optional<Map<String, String>> verify(HttpServerRequest request) {
        if (validator.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> params = formParameters(request.formAttributes());
        String signature = request.getHeader("X-Twilio-Signature");
        if (signature == null || !validator.get().validate(publicBase + request.uri(), params, signature)) {
            return Optional.empty();
        }
        return Optional.of(params);
    }

    static Map<String, String> formParameters(MultiMap form) {
        // Not form.size(): on Vert.x's header map it builds the set of names, ~2 % of the event loop's time.
        Map<String, String> params = new HashMap<>(32);
        for (Map.Entry<String, String> entry : form) {
            params.putIfAbsent(entry.getKey(), entry.getValue());
        }
        return params;
    }
}
