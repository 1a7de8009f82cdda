package org.kunnafoni.web.dashboard;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.kunnafoni.support.Await;
import org.kunnafoni.support.GatewayFixture;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The monitor dashboard in real Chromium against a real gateway (embedded Redis, signed Twilio webhook). */
class DashboardBrowserTest {
    static final String MONITOR = "mon-gao";
    static final String MONITOR_PASSWORD = "password-of-mon-gao";
    static final AtomicInteger SID = new AtomicInteger();

    @TempDir
    static Path dataDir;
    static GatewayFixture gateway;
    static String adminToken;

    @TempDir
    Path profile;
    Browser browser;

    @BeforeAll
    static void start() throws Exception {
        Browser.assumeInstalled();
        gateway = GatewayFixture.start(dataDir);
        adminToken = apiLogin("admin", GatewayFixture.ADMIN_PASSWORD);
        HttpResponse<String> created = gateway.send("POST", "/api/users", new JsonObject().put("username", MONITOR)
                .put("password", MONITOR_PASSWORD).put("role", "monitor").encode(), "Authorization", "Bearer " + adminToken);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    @BeforeEach
    void openBrowser() {
        browser = Browser.open(gateway.baseUrl(), profile);
    }

    /** No page may trip the Content-Security-Policy (inline script or style) or throw. */
    @AfterEach
    void closeBrowser() {
        if (browser == null) {
            return;
        }
        try {
            assertThat(browser.consoleMessages()).noneMatch(m -> m.contains("Content Security Policy"))
                    .noneMatch(m -> m.contains("Uncaught"));
        } finally {
            browser.close();
        }
    }

    @Test
    void anAlertSentByTwilioAppearsLiveInTheOpenQueueAndIsVerified() throws Exception {
        browser.logIn(MONITOR, MONITOR_PASSWORD);
        assertThat(browser.find("h1").getText()).isEqualTo("File des signalements");
        browser.waitFor(d -> browser.find("#queue-list").getAttribute("data-loaded") != null);
        Set<String> before = rowIds();
        browser.js("window.kunnafoniSamePage = true;");

        String text = "Des hommes armés ont enlevé 3 enfants à Ansongo ce matin, ils sont partis vers la brousse";
        assertThat(postAlert(text).statusCode()).isEqualTo(200);

        String id = browser.waitFor(d -> rowIds().stream().filter(r -> !before.contains(r)).findFirst().orElse(null));
        assertThat(browser.js("return window.kunnafoniSamePage === true")).as("no reload").isEqualTo(true);
        String rowSelector = ".lead-row[data-id='" + id + "']";
        String rowText = browser.waitFor(d -> browser.find(rowSelector).getText());
        assertThat(rowText).contains("Enlèvement").contains("Gao");

        browser.find("body").sendKeys("j");
        assertThat(browser.js("return document.activeElement.matches('.lead-row a')")).isEqualTo(true);

        browser.waitFor(d -> {
            browser.find(rowSelector + " a").click();
            return true;
        });
        browser.visible("[data-view=lead] .sms");
        assertThat(browser.find(".sms").getText()).isEqualTo(text);
        assertThat(browser.find(".report .pseudonym").getText()).startsWith("R-");
        assertThat(browser.find("#report-list").getText()).doesNotContain("+223");

        decide("in_review");
        decide("verified");
        JsonObject lead = leadDetail(id);
        assertThat(lead.getString("status")).isEqualTo("verified");
        assertThat(browser.find("#history-list").getText()).contains(MONITOR);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "<img src=x onerror=alert(1)>",
            "<script>alert(1);window.kunnafoniPwned=1</script>",
            "<svg onload=\"window.kunnafoniPwned=2\"></svg> enfant blessé à Gao <b>aidez</b>",
            "\"><img src=x onerror=\"window.kunnafoniPwned=3\">",
    })
    void hostileTextsAreShownAsTextAndRunNothing(String hostile) throws Exception {
        assertThat(postAlert(hostile).statusCode()).isEqualTo(200);
        String[] found = new String[1];
        Await.until("a lead holding the hostile text", Duration.ofSeconds(30),
                () -> (found[0] = leadWithText(hostile).orElse(null)) != null);

        browser.logIn(MONITOR, MONITOR_PASSWORD);
        browser.go("/#/lead/" + found[0]);
        browser.visible("[data-view=lead] .sms");

        assertThat(browser.all(".sms").stream().map(WebElement::getText)).contains(hostile.trim());
        assertThat(browser.all("#report-list img, #report-list script, #report-list svg, #report-list b")).isEmpty();
        assertThat(browser.js("return document.querySelectorAll('script').length")).isEqualTo(1L);
        assertThat(browser.js("return window.kunnafoniPwned === undefined")).isEqualTo(true);
        assertThatThrownBy(() -> browser.driver.switchTo().alert()).isInstanceOf(NoAlertPresentException.class);
    }

    @Test
    void aForgedCrossSiteFormOrFetchCannotCreateAnAccount() throws Exception {
        browser.logIn("admin", GatewayFixture.ADMIN_PASSWORD);
        String target = gateway.baseUrl() + "/api/users";
        try (ForeignSite foreign = new ForeignSite()) {
            // a text/plain form can carry a JSON-looking body; the browser adds our session cookie to it
            String form = foreign.put("/form", """
                    <!doctype html><form id=f method=POST action="%s" enctype="text/plain">
                    <input name='{"username":"forged-form","password":"forged-password-1","role":"admin","x":"' value='"}'>
                    </form><script>document.getElementById('f').submit()</script>""".formatted(target));
            browser.driver.get(form);
            browser.waitFor(ExpectedConditions.urlToBe(target));
            assertThat(browser.driver.getPageSource()).contains("CSRF");

            String fetch = foreign.put("/fetch", """
                    <!doctype html><title>waiting</title><script>
                    fetch("%s", {method: "POST", mode: "no-cors", credentials: "include",
                      headers: {"Content-Type": "text/plain"},
                      body: JSON.stringify({username: "forged-fetch", password: "forged-password-1", role: "admin"})})
                      .finally(() => { document.title = "sent"; });
                    </script>""".formatted(target));
            browser.driver.get(fetch);
            browser.waitFor(ExpectedConditions.titleIs("sent"));
        }
        String users = gateway.send("GET", "/api/users", null, "Authorization", "Bearer " + adminToken).body();
        assertThat(users).contains("\"admin\"").doesNotContain("forged-form").doesNotContain("forged-fetch");
    }

    @Test
    void aForgedCrossSiteRequestCannotDecideALead() throws Exception {
        String text = "Une mine a blessé deux enfants près de l'école de Ménaka hier soir";
        postAlert(text);
        String[] id = new String[1];
        Await.until("the lead", Duration.ofSeconds(30), () -> (id[0] = leadWithText(text).orElse(null)) != null);
        String statusBefore = leadDetail(id[0]).getString("status");

        browser.logIn(MONITOR, MONITOR_PASSWORD);
        String target = gateway.baseUrl() + "/api/leads/" + id[0] + "/transitions";
        try (ForeignSite foreign = new ForeignSite()) {
            String page = foreign.put("/decide", """
                    <!doctype html><title>waiting</title><script>
                    fetch("%s", {method: "POST", mode: "no-cors", credentials: "include",
                      headers: {"Content-Type": "text/plain"}, body: '{"to":"in_review"}'})
                      .finally(() => { document.title = "sent"; });
                    </script>""".formatted(target));
            browser.driver.get(page);
            browser.waitFor(ExpectedConditions.titleIs("sent"));
        }
        JsonObject after = leadDetail(id[0]);
        assertThat(after.getString("status")).isEqualTo(statusBefore);
        assertThat(after.getJsonArray("history", new JsonArray()).encode()).doesNotContain("\"transition\"");
    }

    @Test
    void aMonitorCannotReachTheAdminPage() {
        browser.logIn(MONITOR, MONITOR_PASSWORD);
        assertThat(browser.find("#nav-admin").isDisplayed()).isFalse();
        browser.go("/#/admin");
        browser.visible("[data-view=forbidden]");
        assertThat(browser.find("[data-view=forbidden] h1").getText()).isEqualTo("Accès interdit");
        assertThat(browser.all("#user-form, #users-body")).isEmpty();
        Object status = browser.asyncJs("const done = arguments[arguments.length - 1];"
                + "fetch('api/users').then(r => done(r.status));");
        assertThat(status).isEqualTo(403L);
    }

    @Test
    void anAdminSeesAccountsAndCanSwitchToEnglish() {
        browser.logIn("admin", GatewayFixture.ADMIN_PASSWORD);
        browser.find("#lang-switch").click();
        browser.waitFor(ExpectedConditions.textToBe(By.cssSelector("[data-view=queue] h1"), "Lead queue"));
        browser.visible("#nav-admin").click();
        browser.visible("[data-view=admin]");
        browser.waitFor(d -> !browser.all("#users-body tr[data-user='" + MONITOR + "']").isEmpty());
        assertThat(browser.find("[data-view=admin] h1").getText()).isEqualTo("Accounts");
    }

    @Test
    void theStatsViewDrawsCountsPerRegionAndCategory() throws Exception {
        String text = "Deux enfants enrôlés par un groupe armé à Kidal pour garder le poste";
        postAlert(text);
        Await.until("the lead", Duration.ofSeconds(30), () -> leadWithText(text).isPresent());
        browser.logIn(MONITOR, MONITOR_PASSWORD);
        browser.find("#nav-stats").click();
        browser.visible("[data-view=stats] #chart-regions");
        browser.waitFor(d -> !browser.all("#chart-regions rect, #chart-days rect").isEmpty());
        assertThat(browser.find("#stats-table").getText()).contains("Kidal");
        assertThat(browser.all("#chart-days rect")).isNotEmpty();
    }

    @Test
    void theQueuePageTransfersLessThan200KB() throws Exception {
        browser.logIn(MONITOR, MONITOR_PASSWORD);
        browser.waitFor(d -> browser.find("#queue-list").getAttribute("data-loaded") != null);
        long bytes = ((Number) browser.js("""
                const entries = [...performance.getEntriesByType('navigation'), ...performance.getEntriesByType('resource')];
                return entries.reduce((sum, e) => sum + Math.max(e.transferSize || 0, e.encodedBodySize || 0), 0);""")).longValue();
        Files.createDirectories(Path.of("target/bench"));
        Files.writeString(Path.of("target/bench/dashboard-weight.json"),
                new JsonObject().put("queue_page_transfer_bytes", bytes).encode() + "\n");
        System.out.println("queue page transferred " + bytes + " bytes");
        assertThat(bytes).isPositive().isLessThan(200 * 1024);
    }

    private void decide(String to) {
        browser.visible("button[data-to='" + to + "']").click();
        browser.waitFor(d -> !browser.all("[data-view=lead][data-status='" + to + "']").isEmpty());
    }

    /** Read in one script so a live re-render cannot change the list halfway. */
    @SuppressWarnings("unchecked")
    private Set<String> rowIds() {
        return new HashSet<>((List<String>) browser.js(
                "return [...document.querySelectorAll('.lead-row')].map(r => r.dataset.id)"));
    }

    private static HttpResponse<String> postAlert(String text) throws Exception {
        int n = SID.incrementAndGet();
        return gateway.postTwilio(GatewayFixture.twilioSms("SM%032d".formatted(n), "+2237612%04d".formatted(n), text));
    }

    private static String apiLogin(String user, String password) throws Exception {
        HttpResponse<String> r = gateway.send("POST", "/api/login",
                new JsonObject().put("username", user).put("password", password).encode());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body()).getString("token");
    }

    private static JsonObject leadDetail(String id) throws Exception {
        HttpResponse<String> r = gateway.send("GET", "/api/leads/" + id, null, "Authorization", "Bearer " + adminToken);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return new JsonObject(r.body());
    }

    /** The lead whose reports include this exact text, looked up through the API as an admin. */
    private static Optional<String> leadWithText(String text) {
        try {
            HttpResponse<String> r = gateway.send("GET", "/api/leads?limit=200", null, "Authorization", "Bearer " + adminToken);
            if (r.statusCode() != 200) {
                return Optional.empty();
            }
            for (Object o : new JsonObject(r.body()).getJsonArray("leads")) {
                String id = ((JsonObject) o).getString("id");
                for (Object report : leadDetail(id).getJsonArray("reports", new JsonArray())) {
                    if (text.equals(((JsonObject) report).getString("text"))) {
                        return Optional.of(id);
                    }
                }
            }
            return Optional.empty();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
