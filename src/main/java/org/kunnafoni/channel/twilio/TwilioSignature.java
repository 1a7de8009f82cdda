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

    /** The form parameters when the signature is valid, else empty (for routes behind BodyHandler). */
    Optional<Map<String, String>> verify(HttpServerRequest request) {
        Map<String, String> params = formParameters(request.formAttributes());
        return verify(request.uri(), params, request.getHeader("X-Twilio-Signature"))
                ? Optional.of(params) : Optional.empty();
    }

    static Map<String, String> formParameters(MultiMap form) {
        // Not form.size(): on Vert.x's header map it builds the set of names, ~2 % of the event loop's time.
        Map<String, String> params = new HashMap<>(32);
        for (Map.Entry<String, String> entry : form) {
            params.putIfAbsent(entry.getKey(), entry.getValue());
        }
        return params;
    }

    /** True when {@code signature} is Twilio's signature of the public URL plus {@code uri} over {@code params}. */
    boolean verify(String uri, Map<String, String> params, String signature) {
        return validator.isPresent() && signature != null && validator.get().validate(publicBase + uri, params, signature);
    }
}
