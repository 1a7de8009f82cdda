package org.kunnafoni.web.leads;

import io.lettuce.core.Range;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.store.RedisKeys;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** An urgent lead nobody opens escalates once (a 1 s delay stands in for the default 30 min). */
class EscalationApiTest {
    @TempDir
    static Path dataDir;
    static ReviewFixture f;

    @BeforeAll
    static void start() throws Exception {
        f = new ReviewFixture(dataDir, Map.of("KUNNAFONI_REVIEW_ESCALATION_AFTER", "1s"));
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void urgentLeadNobodyOpensEscalatesOnceWithAuditStreamAndEvent() throws Exception {
        try (SseClient sse = SseClient.open(f, "supervisor")) {
            String id = f.alert("+22376000111",
                    "Des hommes armés tirent sur l'école de Boni maintenant, 3 enfants blessés")[0];
            String event = sse.awaitEvent("escalation", id, ReviewFixture.DEADLINE);
            assertThat(new JsonObject(event).getBoolean("escalated")).isTrue();
            JsonObject summary = f.ok("monitor", "GET", "/api/leads?priority=urgent", null, 200)
                    .getJsonArray("leads").stream().map(o -> (JsonObject) o)
                    .filter(l -> l.getString("id").equals(id)).findFirst().orElseThrow();
            assertThat(summary.getBoolean("escalated")).isTrue();
            assertThat(summary.getBoolean("opened")).isFalse();
            var entries = f.gateway.redis().xrange(RedisKeys.ESCALATIONS, Range.create("-", "+"));
            assertThat(entries).filteredOn(e -> id.equals(e.getBody().get("lead_id"))).hasSize(1);
            assertThat(f.ok("admin", "GET", "/api/audit?limit=50", null, 200).encode())
                    .contains("\"action\":\"escalation\"").contains(id);
        }
    }

    @Test
    void aLeadThatIsNotUrgentNeverEscalates() throws Exception {
        String id = f.uniqueLead()[0];
        String urgent = f.alert("+22376000222", "Des hommes armés attaquent l'école de Tessit maintenant, "
                + "2 enfants tués")[0];
        ReviewFixture.await(() -> f.gateway.redis().xrange(RedisKeys.ESCALATIONS, Range.create("-", "+")).stream()
                .anyMatch(e -> urgent.equals(e.getBody().get("lead_id"))));
        assertThat(f.gateway.redis().xrange(RedisKeys.ESCALATIONS, Range.create("-", "+")))
                .noneMatch(e -> id.equals(e.getBody().get("lead_id")));
    }
}
