package org.kunnafoni.web.leads;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The review API at the HTTP boundary: roles, transitions, validation, merge/split, reveal, export, no numbers. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LeadApiTest {
    // +223 numbers, and eight digits written whole or in pairs, not inside a longer number, id or timestamp
    private static final Pattern PHONE_LIKE = Pattern.compile(
            "\\+223|(?<![\\d:-])\\d{8}(?![\\d:-])|(?<![\\d:-])\\d{2}([ .]\\d{2}){3}(?![\\d:-])");
    private static final String PHONE = "+22376543210";

    @TempDir
    static Path dataDir;
    static ReviewFixture f;
    static String lead;
    static String entry;

    @BeforeAll
    static void start() throws Exception {
        f = new ReviewFixture(dataDir, Map.of());
        String[] created = f.alert(PHONE, "Des hommes armés ont enlevé deux enfants à Boni hier soir. "
                + "Appelez mon frère au 66 12 34 56");
        lead = created[0];
        entry = created[1];
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @ParameterizedTest(name = "{0} {1} as {3} → {4}")
    @CsvSource(delimiter = '|', value = {
            "GET |/api/leads|                 |none|401", "GET |/api/leads||monitor|200",
            "GET |/api/leads||supervisor|200", "GET |/api/leads||admin|200",
            "GET |/api/leads/stats||none|401", "GET |/api/leads/stats||monitor|200",
            "GET |/api/leads/stats||supervisor|200", "GET |/api/leads/stats||admin|200",
            "GET |/api/leads/LEAD||none|401", "GET |/api/leads/LEAD||monitor|200",
            "GET |/api/leads/LEAD||supervisor|200", "GET |/api/leads/LEAD||admin|200",
            "GET |/api/leads/export?format=json||none|401", "GET |/api/leads/export?format=json||monitor|403",
            "GET |/api/leads/export?format=json||supervisor|200", "GET |/api/leads/export?format=csv||admin|200",
            "POST|/api/leads/LEAD/transitions|{\"to\":\"merged\"}|none|401",
            "POST|/api/leads/LEAD/transitions|{\"to\":\"merged\"}|monitor|409",
            "POST|/api/leads/LEAD/transitions|{\"to\":\"merged\"}|supervisor|409",
            "POST|/api/leads/LEAD/transitions|{\"to\":\"merged\"}|admin|409",
            "POST|/api/leads/LEAD/notes|{\"text\":\"role table\"}|none|401",
            "POST|/api/leads/LEAD/notes|{\"text\":\"role table\"}|monitor|201",
            "POST|/api/leads/LEAD/notes|{\"text\":\"role table\"}|supervisor|201",
            "POST|/api/leads/LEAD/notes|{\"text\":\"role table\"}|admin|201",
            "POST|/api/leads/LEAD/assignment|{\"assignee\":\"sup-gao\"}|none|401",
            "POST|/api/leads/LEAD/assignment|{\"assignee\":\"sup-gao\"}|monitor|403",
            "POST|/api/leads/LEAD/assignment|{\"assignee\":\"sup-gao\"}|supervisor|200",
            "POST|/api/leads/LEAD/assignment|{\"assignee\":\"sup-gao\"}|admin|200",
            "POST|/api/leads/LEAD/merge|{\"from\":\"gao-0-0\"}|none|401",
            "POST|/api/leads/LEAD/merge|{\"from\":\"gao-0-0\"}|monitor|404",
            "POST|/api/leads/LEAD/merge|{\"from\":\"gao-0-0\"}|supervisor|404",
            "POST|/api/leads/LEAD/merge|{\"from\":\"gao-0-0\"}|admin|404",
            "POST|/api/leads/LEAD/split|{\"report_id\":\"0-0\"}|none|401",
            "POST|/api/leads/LEAD/split|{\"report_id\":\"0-0\"}|monitor|404",
            "POST|/api/leads/LEAD/split|{\"report_id\":\"0-0\"}|supervisor|404",
            "POST|/api/leads/LEAD/split|{\"report_id\":\"0-0\"}|admin|404",
            "POST|/api/leads/LEAD/reveal|{\"report_id\":\"0-0\",\"reason\":\"role table check\"}|none|401",
            "POST|/api/leads/LEAD/reveal|{\"report_id\":\"0-0\",\"reason\":\"role table check\"}|monitor|403",
            "POST|/api/leads/LEAD/reveal|{\"report_id\":\"0-0\",\"reason\":\"role table check\"}|supervisor|404",
            "POST|/api/leads/LEAD/reveal|{\"report_id\":\"0-0\",\"reason\":\"role table check\"}|admin|404",
            "POST|/api/triage/preview|{\"text\":\"bonjour\"}|none|401",
            "POST|/api/triage/preview|{\"text\":\"bonjour\"}|monitor|200",
            "POST|/api/triage/preview|{\"text\":\"bonjour\"}|supervisor|200",
            "POST|/api/triage/preview|{\"text\":\"bonjour\"}|admin|200",
            "GET |/api/openapi.yaml||none|200", "GET |/api/openapi.yaml||monitor|200",
            "GET |/api/leads/nowhere-0-0||monitor|404",
    })
    @Order(1)
    void routeByRole(String method, String path, String body, String role, int expected) throws Exception {
        HttpResponse<String> r = f.as(role, method.trim(), path.trim().replace("LEAD", lead),
                body == null || body.isBlank() ? null : body.trim());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "/api/events as {0} → {1}")
    @CsvSource({"none, 401", "monitor, 200", "supervisor, 200", "admin, 200"})
    @Order(1)
    void eventsByRole(String role, int expected) throws Exception {
        try (SseClient sse = SseClient.open(f, role)) {
            assertThat(sse.status()).isEqualTo(expected);
            if (expected == 200) {
                assertThat(sse.contentType()).startsWith("text/event-stream");
            }
        }
    }

    @ParameterizedTest(name = "{0} {1} {2} → 400")
    @CsvSource(delimiter = '|', value = {
            "monitor|GET|/api/leads?limit=0|",
            "monitor|GET|/api/leads?limit=201|",
            "monitor|GET|/api/leads?status=open|",
            "monitor|GET|/api/leads?priority=critical|",
            "monitor|GET|/api/leads?region=paris|",
            "monitor|GET|/api/leads?from=yesterday|",
            "monitor|GET|/api/leads?cursor=not-a-cursor|",
            "supervisor|GET|/api/leads/export?format=xml|",
            "supervisor|GET|/api/leads/export|",
            "monitor|POST|/api/leads/LEAD/transitions|{\"to\":\"closed\"}",
            "monitor|POST|/api/leads/LEAD/transitions|{}",
            "monitor|POST|/api/leads/LEAD/transitions|{\"to\":\"in_review\",\"extra\":1}",
            "monitor|POST|/api/leads/LEAD/transitions|not json",
            "monitor|POST|/api/leads/LEAD/notes|{\"text\":\"\"}",
            "monitor|POST|/api/leads/LEAD/notes|{\"text\":\"   \"}",
            "monitor|POST|/api/leads/LEAD/assignment|{}",
            "supervisor|POST|/api/leads/LEAD/assignment|{\"assignee\":\"nobody-here\"}",
            "monitor|POST|/api/leads/LEAD/merge|{\"from\":\"LEAD\"}",
            "monitor|POST|/api/leads/LEAD/split|{\"report\":\"x\"}",
            "supervisor|POST|/api/leads/LEAD/reveal|{\"report_id\":\"ENTRY\",\"reason\":\"short\"}",
            "supervisor|POST|/api/leads/LEAD/reveal|{\"report_id\":\"ENTRY\",\"reason\":\"          x\"}",
            "monitor|POST|/api/triage/preview|{\"text\":5}",
            "monitor|POST|/api/triage/preview|{\"text\":\"x\",\"language\":\"xx\"}",
    })
    @Order(2)
    void invalidRequestsAre400WithTheProblem(String role, String method, String path, String body) throws Exception {
        HttpResponse<String> r = f.as(role, method, path.replace("LEAD", lead),
                body == null ? null : body.replace("LEAD", lead).replace("ENTRY", entry));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
        assertThat(new JsonObject(r.body()).getString("error")).isNotBlank();
    }

    @Test
    @Order(3)
    void listIsSortedAndPagedWithCursorsAndCounts() throws Exception {
        for (int i = 0; i < 3; i++) {
            f.uniqueLead();
        }
        JsonObject first = f.ok("monitor", "GET", "/api/leads?limit=2", null, 200);
        assertThat(first.getJsonArray("leads")).hasSize(2);
        assertThat(first.getJsonObject("counts").getInteger("total")).isGreaterThanOrEqualTo(4);
        assertThat(first.getJsonArray("leads").getJsonObject(0).getString("priority")).isIn("urgent", "high");
        JsonObject second = f.ok("monitor", "GET", "/api/leads?limit=200&cursor=" + first.getString("next_cursor"),
                null, 200);
        List<Object> ids = new java.util.ArrayList<>(first.getJsonArray("leads").stream()
                .map(o -> ((JsonObject) o).getString("id")).toList());
        second.getJsonArray("leads").forEach(o -> ids.add(((JsonObject) o).getString("id")));
        assertThat(ids).doesNotHaveDuplicates().hasSize(first.getJsonObject("counts").getInteger("total"));
        assertThat(second.getValue("next_cursor")).isNull();
        JsonObject filtered = f.ok("monitor", "GET", "/api/leads?category=abduction&region=mopti&q=enfants", null, 200);
        assertThat(filtered.getJsonArray("leads").stream().map(o -> ((JsonObject) o).getString("id"))).contains(lead);
        assertThat(f.ok("monitor", "GET", "/api/leads?q=zzzznothing", null, 200).getJsonArray("leads")).isEmpty();
        assertThat(f.ok("monitor", "GET", "/api/leads?priority=low&assigned=none", null, 200)
                .getJsonArray("leads").stream().map(o -> ((JsonObject) o).getString("priority"))).containsOnly("low");
    }

    @Test
    @Order(3)
    void detailShowsReportsWithPseudonymTriageAndHistoryAndMarksOpened() throws Exception {
        JsonObject d = f.ok("monitor", "GET", "/api/leads/" + lead, null, 200);
        JsonObject report = d.getJsonArray("reports").getJsonObject(0);
        assertThat(report.getString("reporter")).startsWith("R-");
        assertThat(report.getString("channel")).isEqualTo("twilio");
        assertThat(report.getJsonObject("triage").getJsonArray("reasons")).isNotEmpty();
        assertThat(report.getString("text")).contains("Boni").doesNotContain("66 12 34 56");
        assertThat(d.getBoolean("opened")).isTrue();
        assertThat(d.getJsonArray("history").stream().map(o -> ((JsonObject) o).getString("action"))).contains("opened");
        JsonObject sup = f.ok("supervisor", "GET", "/api/leads/" + lead, null, 200);
        assertThat(sup.getJsonArray("reports").getJsonObject(0).getString("text")).contains("66 12 34 56");
    }

    /** Each row: the status the lead is brought to, the move asked, by whom, and the answer. */
    @ParameterizedTest(name = "{0} → {1} as {2} → {3}")
    @CsvSource({
            "new, in_review, monitor, 200", "new, verified, monitor, 409", "new, dismissed, supervisor, 409",
            "new, new, monitor, 409", "new, merged, admin, 409",
            "in_review, new, monitor, 200", "in_review, verified, monitor, 200", "in_review, unverified, monitor, 200",
            "in_review, dismissed, monitor, 200", "in_review, referred, monitor, 200",
            "in_review, in_review, monitor, 409", "in_review, merged, supervisor, 409",
            "verified, in_review, supervisor, 200", "unverified, in_review, admin, 200",
            "dismissed, in_review, supervisor, 200", "referred, in_review, supervisor, 200",
            "verified, in_review, monitor, 403", "dismissed, in_review, monitor, 403",
            "verified, new, supervisor, 409", "referred, dismissed, supervisor, 409", "dismissed, verified, admin, 409",
    })
    @Order(4)
    void everyTransition(String start, String to, String role, int expected) throws Exception {
        String id = f.uniqueLead()[0];
        if (!"new".equals(start)) {
            move(id, "in_review", "admin", 200);
        }
        if (!"new".equals(start) && !"in_review".equals(start)) {
            move(id, start, "admin", 200);
        }
        HttpResponse<String> r = f.as(role, "POST", "/api/leads/" + id + "/transitions",
                new JsonObject().put("to", to).put("note", "checked by phone with the village chief").encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(expected);
        JsonObject after = f.ok("admin", "GET", "/api/leads/" + id, null, 200);
        assertThat(after.getString("status")).isEqualTo(expected == 200 ? to : start);
        if (expected == 200) {
            JsonObject last = last(after.getJsonArray("history"), "transition");
            assertThat(last.getString("from")).isEqualTo(start);
            assertThat(last.getString("to")).isEqualTo(to);
            assertThat(last.getString("note")).contains("village chief");
            assertThat(f.ok("admin", "GET", "/api/audit?limit=20", null, 200).encode())
                    .contains("\"action\":\"transition\"").contains("\"target\":\"" + id + "\"");
        }
    }

    @Test
    @Order(5)
    void allowedTransitionsFollowTheRole() throws Exception {
        String id = f.uniqueLead()[0];
        move(id, "in_review", "monitor", 200);
        move(id, "dismissed", "monitor", 200);
        assertThat(f.ok("monitor", "GET", "/api/leads/" + id, null, 200).getJsonArray("allowed_transitions")).isEmpty();
        assertThat(f.ok("supervisor", "GET", "/api/leads/" + id, null, 200).getJsonArray("allowed_transitions").getList())
                .containsExactly("in_review");
    }

    @Test
    @Order(5)
    void assignmentAndNotes() throws Exception {
        String id = f.uniqueLead()[0];
        JsonObject mine = f.ok("monitor", "POST", "/api/leads/" + id + "/assignment", "{\"assignee\":\"mon-gao\"}", 200);
        assertThat(mine.getString("assigned_to")).isEqualTo("mon-gao");
        assertThat(f.ok("monitor", "GET", "/api/leads?assigned=me", null, 200).getJsonArray("leads").stream()
                .map(o -> ((JsonObject) o).getString("id"))).contains(id);
        assertThat(f.as("monitor", "POST", "/api/leads/" + id + "/assignment", "{\"assignee\":\"mon-mopti\"}")
                .statusCode()).isEqualTo(403);
        f.ok("supervisor", "POST", "/api/leads/" + id + "/assignment", "{\"assignee\":\"mon-mopti\"}", 200);
        assertThat(f.as("monitor", "POST", "/api/leads/" + id + "/assignment", "{\"assignee\":null}").statusCode())
                .isEqualTo(403);
        JsonObject note = f.ok("monitor", "POST", "/api/leads/" + id + "/notes",
                "{\"text\":\"Le chef de village rappelle au 76 00 11 22\"}", 201);
        assertThat(note.getString("action")).isEqualTo("note");
        assertThat(note.getString("note")).doesNotContain("76 00 11 22");
        assertThat(f.ok("supervisor", "GET", "/api/leads/" + id, null, 200).encode()).contains("76 00 11 22");
        assertThat(f.as("monitor", "POST", "/api/leads/nowhere-1-1/notes", "{\"text\":\"x\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    @Order(6)
    void mergeMovesReportsAndSplitTakesOneOut() throws Exception {
        String a = f.uniqueLead()[0];
        String[] b = f.uniqueLead();
        JsonObject merged = f.ok("monitor", "POST", "/api/leads/" + a + "/merge",
                new JsonObject().put("from", b[0]).put("note", "same incident").encode(), 200);
        assertThat(merged.getInteger("report_count")).isEqualTo(2);
        assertThat(merged.getInteger("reporter_count")).isEqualTo(2);
        assertThat(merged.getJsonArray("reports")).hasSize(2);
        JsonObject gone = f.ok("monitor", "GET", "/api/leads/" + b[0], null, 200);
        assertThat(gone.getString("status")).isEqualTo("merged");
        assertThat(gone.getString("merged_into")).isEqualTo(a);
        assertThat(f.ok("monitor", "GET", "/api/leads?limit=200", null, 200).encode()).doesNotContain(b[0]);
        assertThat(f.as("monitor", "POST", "/api/leads/" + a + "/merge", "{\"from\":\"" + b[0] + "\"}")
                .statusCode()).isEqualTo(200);
        assertThat(f.ok("monitor", "GET", "/api/leads/" + a, null, 200).getInteger("report_count")).isEqualTo(2);

        JsonObject split = f.ok("monitor", "POST", "/api/leads/" + a + "/split",
                new JsonObject().put("report_id", b[1]).encode(), 201);
        assertThat(split.getString("id")).isNotEqualTo(a);
        assertThat(split.getInteger("report_count")).isEqualTo(1);
        assertThat(split.getJsonArray("reports").getJsonObject(0).getString("id")).isEqualTo(b[1]);
        JsonObject rest = f.ok("monitor", "GET", "/api/leads/" + a, null, 200);
        assertThat(rest.getInteger("report_count")).isEqualTo(1);
        assertThat(rest.getJsonArray("history").stream().map(o -> ((JsonObject) o).getString("action")))
                .contains("merge", "split");
        assertThat(f.as("monitor", "POST", "/api/leads/" + a + "/split",
                new JsonObject().put("report_id", rest.getJsonArray("reports").getJsonObject(0).getString("id"))
                        .encode()).statusCode()).isEqualTo(409);
        assertThat(f.ok("admin", "GET", "/api/audit?limit=50", null, 200).encode())
                .contains("\"action\":\"merge\"").contains("\"action\":\"split\"");
    }

    @Test
    @Order(6)
    void mergingAClosedLeadIs409() throws Exception {
        String a = f.uniqueLead()[0];
        String b = f.uniqueLead()[0];
        move(b, "in_review", "monitor", 200);
        move(b, "dismissed", "monitor", 200);
        assertThat(f.as("monitor", "POST", "/api/leads/" + a + "/merge", "{\"from\":\"" + b + "\"}").statusCode())
                .isEqualTo(409);
    }

    @Test
    @Order(7)
    void supervisorsRevealANumberWithAReasonAndItIsAudited() throws Exception {
        String reason = "Child in danger, the protection officer must call back";
        JsonObject revealed = f.ok("supervisor", "POST", "/api/leads/" + lead + "/reveal",
                new JsonObject().put("report_id", entry).put("reason", reason).encode(), 200);
        assertThat(revealed.getString("phone")).isEqualTo(PHONE);
        String audit = f.ok("admin", "GET", "/api/audit?limit=50", null, 200).encode();
        assertThat(audit).contains("\"action\":\"reveal\"").contains(reason).contains("\"actor\":\"sup-gao\"")
                .doesNotContain(PHONE);
        assertThat(f.as("monitor", "POST", "/api/leads/" + lead + "/reveal",
                new JsonObject().put("report_id", entry).put("reason", reason).encode()).statusCode()).isEqualTo(403);
        assertThat(f.ok("monitor", "GET", "/api/leads/" + lead, null, 200).getJsonArray("history").stream()
                .map(o -> ((JsonObject) o).getString("action"))).contains("reveal");
    }

    @Test
    @Order(7)
    void exportCsvCarriesHxlTagsAndNoPersonalData() throws Exception {
        HttpResponse<String> csv = f.as("supervisor", "GET", "/api/leads/export?format=csv&category=abduction", null);
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        String[] lines = csv.body().split("\r\n");
        assertThat(lines[0]).startsWith("lead_id,date,reported_at");
        assertThat(lines[1]).startsWith("#meta+id,#date,#date+reported").contains("#adm1+name", "#loc+name",
                "#sector", "#affected+children");
        assertThat(csv.body()).contains(lead).contains("Mopti").doesNotContain(PHONE).doesNotContain("R-")
                .doesNotContain("Boni hier soir").doesNotContain("76543210");
        JsonObject json = f.ok("admin", "GET", "/api/leads/export?format=json", null, 200);
        assertThat(json.getJsonArray("leads")).isNotEmpty();
        assertThat(json.encode()).doesNotContain("R-").doesNotContain("assigned_to").doesNotContain("text");
        assertThat(f.ok("admin", "GET", "/api/audit?limit=20", null, 200).encode()).contains("\"action\":\"export\"");
    }

    @Test
    @Order(8)
    void dashboardsReceiveALeadEventForANewAlert() throws Exception {
        try (SseClient sse = SseClient.open(f, "monitor")) {
            String id = f.uniqueLead()[0];
            String event = sse.awaitEvent("lead", id, ReviewFixture.DEADLINE);
            assertThat(event).contains("\"status\":\"new\"");
            f.ok("supervisor", "POST", "/api/leads/" + id + "/transitions", "{\"to\":\"in_review\"}", 200);
            assertThat(sse.awaitEventWithAll("lead", ReviewFixture.DEADLINE, id, "\"in_review\"")).contains(id);
        }
    }

    @Test
    @Order(9)
    void previewTriagesWithoutStoring() throws Exception {
        long before = f.gateway.intakeEntries().size();
        JsonObject t = f.ok("monitor", "POST", "/api/triage/preview",
                "{\"text\":\"Des hommes armés ont enlevé 3 enfants à Ménaka ce matin\"}", 200);
        assertThat(t.getString("category")).isEqualTo("abduction");
        assertThat(t.getString("region")).isEqualTo("menaka");
        assertThat(t.getJsonArray("reasons")).isNotEmpty();
        assertThat(f.gateway.intakeEntries()).hasSize((int) before);
    }

    @Test
    @Order(100)
    void noAnswerToAMonitorContainsAPhoneNumber() throws Exception {
        f.as("monitor", "GET", "/api/leads?limit=200", null);
        f.as("monitor", "GET", "/api/leads/" + lead, null);
        assertThat(f.monitorAnswers).hasSizeGreaterThan(40);
        for (String body : f.monitorAnswers) {
            assertThat(PHONE_LIKE.matcher(body).find()).as(body).isFalse();
            assertThat(body).doesNotContain("phone_enc").doesNotContain("v1:");
        }
    }

    private static void move(String id, String to, String role, int expected) throws Exception {
        f.ok(role, "POST", "/api/leads/" + id + "/transitions", new JsonObject().put("to", to).encode(), expected);
    }

    private static JsonObject last(JsonArray history, String action) {
        JsonObject found = null;
        for (Object o : history) {
            if (action.equals(((JsonObject) o).getString("action"))) {
                found = (JsonObject) o;
            }
        }
        return found;
    }
}
