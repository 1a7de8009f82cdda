package org.kunnafoni.dispatch;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class StatusOrderTest {
    @ParameterizedTest(name = "{0} then {1} -> {2}")
    @CsvSource({
            "sending,     accepted,    accepted",
            "sending,     sent,        sent",
            "sending,     delivered,   delivered",
            "planned,     accepted,    accepted",
            "held,        sent,        sent",
            "accepted,    sent,        sent",
            "accepted,    accepted,    ignored",
            "sent,        accepted,    ignored",
            "sent,        delivered,   delivered",
            "sent,        undelivered, undelivered",
            "sent,        failed,      failed",
            "sent,        sent,        ignored",
            "delivered,   sent,        ignored",
            "delivered,   accepted,    ignored",
            "delivered,   delivered,   ignored",
            "delivered,   failed,      ignored",
            "undelivered, delivered,   ignored",
            "failed,      delivered,   ignored",
            "skipped_opted_out, sent,  ignored",
            "canceled,    delivered,   ignored",
    })
    void statesOnlyMoveForward(String current, String incoming, String expected) {
        DispatchState from = DispatchState.fromId(current).orElseThrow();
        DispatchState to = DispatchState.fromId(incoming).orElseThrow();
        assertThat(StatusOrder.advance(from, to).map(DispatchState::id).orElse("ignored")).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "queued, accepted", "accepted, accepted", "scheduled, accepted", "sending, accepted", "sent, sent",
            "delivered, delivered", "read, delivered", "undelivered, undelivered", "failed, failed",
            "canceled, canceled", "SENT, sent", "' delivered ', delivered", "receiving, unknown", "'', unknown",
    })
    void providerStatusWords(String word, String expected) {
        assertThat(StatusOrder.fromProviderStatus(word).map(DispatchState::id).orElse("unknown")).isEqualTo(expected);
    }
}
