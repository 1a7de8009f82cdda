package org.kunnafoni.web.dashboard;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.support.GatewayFixture;

import java.net.http.HttpResponse;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The dashboard's static files over plain HTTP: what is served, with which headers, and what is not. */
class DashboardRoutesTest {
    @TempDir
    static Path dataDir;
    static GatewayFixture gateway;

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayFixture.start(dataDir);
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    /** No folder listing, no way out of the web root; a folder without its slash is only redirected to it. */
    @ParameterizedTest(name = "GET {0} → {1} {2}")
    @CsvSource({
            "/, 200, text/html",
            "/index.html, 200, text/html",
            "/js/app.js, 200, text/javascript",
            "/js/dom.js, 200, text/javascript",
            "/css/app.css, 200, text/css",
            "/i18n/fra.json, 200, application/json",
            "/i18n/eng.json, 200, application/json",
            "/js/, 404, ''",
            "/js, 301, ''",
            "/css/missing.css, 404, ''",
            "/../pom.xml, 404, ''",
            "/%2e%2e/%2e%2e/pom.xml, 404, ''",
            "/org/kunnafoni/Main.class, 404, ''",
            "/config/gateway.yaml, 404, ''",
            "/.hidden, 404, ''",
    })
    void servesTheDashboardAndNothingElse(String path, int status, String type) throws Exception {
        HttpResponse<String> r = gateway.get(path);
        assertThat(r.statusCode()).as(path).isEqualTo(status);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).as(path).startsWith(type == null ? "" : type);
        assertThat(r.body()).as(path).doesNotContain("<ul").doesNotContain("openapi").doesNotContain("kunnafoni:");
        assertThat(r.headers().firstValue("Content-Security-Policy").orElse(""))
                .contains("script-src 'self'").contains("style-src 'self'").doesNotContain("unsafe-inline");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void filesAreRevalidatedOnEveryLoadSoANewReleaseIsSeenAtOnce() throws Exception {
        HttpResponse<String> r = gateway.get("/js/app.js");
        assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-cache");
        String lastModified = r.headers().firstValue("Last-Modified").orElseThrow();
        HttpResponse<String> again = gateway.send("GET", "/js/app.js", null, "If-Modified-Since", lastModified);
        assertThat(again.statusCode()).isEqualTo(304);
        assertThat(again.body()).isEmpty();
    }

    @Test
    void theContractFileIsServedByTheApiNotByTheDashboard() throws Exception {
        HttpResponse<String> r = gateway.get("/api/openapi.yaml");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue("application/yaml");
        // the static handler would have added Last-Modified
        assertThat(r.headers().firstValue("Last-Modified")).isEmpty();
        assertThat(gateway.get("/api/").statusCode()).isEqualTo(404);
        assertThat(gateway.get("/api/index.html").statusCode()).isEqualTo(404);
    }

    @Test
    void thePageLoadsOnlyItsOwnScriptsAndStyles() throws Exception {
        String html = gateway.get("/").body();
        assertThat(html).contains("<script type=\"module\" src=\"js/app.js\"></script>")
                .contains("<link rel=\"stylesheet\" href=\"css/app.css\">")
                .doesNotContain("style=").doesNotContain("onclick").doesNotContain("http://").doesNotContain("https://");
    }
}
