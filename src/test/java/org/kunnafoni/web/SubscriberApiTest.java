package org.kunnafoni.web;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.support.GatewayFixture;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Subscribers added by staff, at the HTTP boundary. */
class SubscriberApiTest {
    @TempDir
    static Path dataDir;
    static GatewayFixture gateway;
    static String admin;
    static String monitor;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayFixture.start(dataDir);
        admin = ApiAuthTest.loginWith(gateway, "admin", GatewayFixture.ADMIN_PASSWORD);
        ApiAuthTest.createUserWith(gateway, admin, "mon-sikasso", "monitor");
        monitor = ApiAuthTest.loginWith(gateway, "mon-sikasso", "password-of-mon-sikasso");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    private static HttpResponse<String> post(String token, String path, String body, String type) throws Exception {
        return gateway.send("POST", path, body, "Authorization", "Bearer " + token, "Content-Type", type);
    }

    @Test
    void registersWithANormalisedNumberAndNeverShowsIt() throws Exception {
        HttpResponse<String> created = post(admin, "/api/subscribers",
                "{\"phone\":\"76 11 22 33\",\"region\":\"mopti\",\"language\":\"bam\"}", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String pseudonym = new JsonObject(created.body()).getString("pseudonym");
        HttpResponse<String> again = post(admin, "/api/subscribers",
                "{\"phone\":\"+22376112233\",\"region\":\"gao\",\"language\":\"ses\"}", "application/json");
        assertThat(new JsonObject(again.body()).getString("pseudonym")).isEqualTo(pseudonym);
        assertThat(gateway.redis().sismember("audience:{gao}:ses", pseudonym)).isTrue();
        assertThat(gateway.redis().sismember("audience:{mopti}:bam", pseudonym)).isFalse();

        StringBuilder everything = new StringBuilder();
        String cursor = null;
        for (int page = 0; page < 100; page++) {
            HttpResponse<String> list = gateway.send("GET", "/api/subscribers?limit=500"
                    + (cursor == null ? "" : "&cursor=" + cursor), null, "Authorization", "Bearer " + admin);
            assertThat(list.statusCode()).isEqualTo(200);
            everything.append(list.body());
            cursor = new JsonObject(list.body()).getString("next_cursor");
            if (cursor == null) {
                break;
            }
        }
        assertThat(cursor).as("paging ends").isNull();
        assertThat(everything.toString()).contains(pseudonym).contains("\"consent_source\":\"api:admin\"")
                .doesNotContain("76112233").doesNotContain("phone_enc").doesNotContain("v1:");
    }

    @ParameterizedTest(name = "{0} → 400")
    @CsvSource(delimiter = '|', value = {
            "{\"phone\":\"not a number\",\"region\":\"gao\",\"language\":\"fra\"}",
            "{\"phone\":\"76112244\",\"region\":\"atlantis\",\"language\":\"fra\"}",
            "{\"phone\":\"76112244\",\"region\":\"gao\",\"language\":\"klingon\"}",
            "{\"phone\":\"76112244\",\"region\":\"gao\"}",
            "not json",
    })
    void invalidSubscribersAreRefused(String body) throws Exception {
        assertThat(post(admin, "/api/subscribers", body, "application/json").statusCode()).isEqualTo(400);
    }

    @Test
    void anOptOutCannotBeUndoneByStaffOnlyByThePerson() throws Exception {
        gateway.postTwilio(GatewayFixture.twilioSms("SMsubstop1", "+22376998877", "ARRET"));
        HttpResponse<String> refused = post(admin, "/api/subscribers",
                "{\"phone\":\"+22376998877\",\"region\":\"kayes\",\"language\":\"fra\"}", "application/json");
        assertThat(refused.statusCode()).isEqualTo(409);
        HttpResponse<String> imported = post(admin, "/api/subscribers/import",
                "phone,region,language\n+22376998877,kayes,fra\n", "text/csv");
        assertThat(new JsonObject(imported.body()).getInteger("refused_opted_out")).isEqualTo(1);
        gateway.postTwilio(GatewayFixture.twilioSms("SMsubstart1", "+22376998877", "ABONNER KAYES FRA"));
        assertThat(post(admin, "/api/subscribers",
                "{\"phone\":\"+22376998877\",\"region\":\"kayes\",\"language\":\"fra\"}", "application/json")
                .statusCode()).isEqualTo(201);
    }

    @Test
    void csvImportReportsEveryRow() throws Exception {
        String csv = """
                phone,region,language
                76000101,segou,bam
                +22376000102,bamako,fra
                12,segou,bam
                76000104,nowhere,bam
                76000101,segou,bam
                "76 00 01 06",tombouctou,ses
                """;
        HttpResponse<String> r = post(admin, "/api/subscribers/import", csv, "text/csv");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonObject result = new JsonObject(r.body());
        assertThat(result.getInteger("rows")).isEqualTo(6);
        assertThat(result.getInteger("registered")).isEqualTo(3);
        assertThat(result.getInteger("invalid")).isEqualTo(3);
        JsonArray problems = result.getJsonArray("problems");
        Set<Integer> lines = new HashSet<>();
        problems.forEach(p -> lines.add(((JsonObject) p).getInteger("line")));
        assertThat(lines).containsExactlyInAnyOrder(4, 5, 6);
        assertThat(r.body()).doesNotContain("76000101");
    }

    @Test
    void aSpreadsheetsCapitalisedHeaderAndValuesAreReadLikeLowerCase() throws Exception {
        String csv = """
                Phone , Region,LANGUAGE
                76000201,Segou, BAM
                76000202,KAYES,Fra
                """;
        HttpResponse<String> r = post(admin, "/api/subscribers/import", csv, "text/csv");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getInteger("registered")).as(r.body()).isEqualTo(2);
        HttpResponse<String> created = post(admin, "/api/subscribers",
                "{\"phone\":\"76000203\",\"region\":\" Mopti\",\"language\":\"BAM\"}", "application/json");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String pseudonym = new JsonObject(created.body()).getString("pseudonym");
        assertThat(gateway.redis().sismember("audience:{mopti}:bam", pseudonym)).isTrue();
    }

    @Test
    void largeImportsFitTheirOwnBodyLimit() throws Exception {
        StringBuilder csv = new StringBuilder("phone,region,language\n");
        for (int i = 0; i < 3_000; i++) { // about 75 KB: above the default 64 KB API body limit
            csv.append("+2237").append(String.format("%07d", 3_000_000 + i)).append(",mopti,fra\n");
        }
        HttpResponse<String> r = post(admin, "/api/subscribers/import", csv.toString(), "text/csv");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        assertThat(new JsonObject(r.body()).getInteger("registered")).isEqualTo(3_000);
        assertThat(gateway.redis().scard("audience:{mopti}:fra")).isGreaterThanOrEqualTo(3_000);
    }

    @ParameterizedTest(name = "bad CSV {0}")
    @CsvSource(delimiter = '|', value = {"''", "name,age\nx,1", "phone,region\n76000101,gao"})
    void badCsvIs400(String csv) throws Exception {
        assertThat(post(admin, "/api/subscribers/import", csv.replace("\\n", "\n"), "text/csv").statusCode()).isEqualTo(400);
    }

    @Test
    void monitorsCannotManageSubscribers() throws Exception {
        assertThat(gateway.send("GET", "/api/subscribers", null, "Authorization", "Bearer " + monitor).statusCode())
                .isEqualTo(403);
        assertThat(post(monitor, "/api/subscribers", "{}", "application/json").statusCode()).isEqualTo(403);
        assertThat(post(monitor, "/api/subscribers/import", "phone,region,language\n", "text/csv").statusCode())
                .isEqualTo(403);
        assertThat(gateway.send("GET", "/api/subscribers", null).statusCode()).isEqualTo(401);
    }
}
