package org.kunnafoni.hostile;

import java.util.Optional;

/**
 * One hostile request and what must hold afterwards besides "no 5xx, no stack trace": if {@code stored} is present
 * and the gateway accepted the message, the intake stream holds exactly that text under that provider id.
 */
record FuzzCase(RawHttp.Request request, Optional<Stored> stored, boolean headersOnly) {
    record Stored(String providerId, String body) {
    }

    static FuzzCase of(RawHttp.Request request) {
        return new FuzzCase(request, Optional.empty(), false);
    }

    static FuzzCase storing(RawHttp.Request request, String providerId, String body) {
        return new FuzzCase(request, Optional.of(new Stored(providerId, body)), false);
    }
}
