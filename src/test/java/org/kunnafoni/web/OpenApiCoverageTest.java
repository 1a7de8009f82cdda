package org.kunnafoni.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.support.GatewayFixture;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * openapi.yaml and the running gateway agree: every endpoint mounted under {@code /api} is described with its
 * method, every described operation is mounted, and the access each one claims (public, any signed-in user,
 * supervisor, admin) is the access the gateway enforces.
 */
class OpenApiCoverageTest {
    /** Stands for every path parameter: no lead, campaign, partner or user has this id. */
    private static final String NO_SUCH_ID = "none-0-0";

    @TempDir
    static Path dataDir;
    static GatewayFixture gateway;
    static String adminToken;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final OpenApiDocument doc = OpenApiDocument.load();

    @BeforeAll
    static void start() throws Exception {
        gateway = GatewayFixture.start(dataDir);
        adminToken = ApiAuthTest.loginWith(gateway, "admin", GatewayFixture.ADMIN_PASSWORD);
        ApiAuthTest.createUserWith(gateway, adminToken, "sup-contract", "supervisor");
        ApiAuthTest.createUserWith(gateway, adminToken, "mon-contract", "monitor");
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void everyMountedApiEndpointIsDescribedAndEveryDescribedOneIsMounted() {
        Router router = HttpVerticle.routerOn(gateway.port()).orElseThrow();
        Set<String> mounted = endpoints(router, "");
        Set<String> described = new TreeSet<>();
        doc.operations().forEach(op -> described.add(op.method() + " " + doc.base() + op.path()));

        assertThat(mounted).as("the gateway mounts API endpoints").contains("POST /api/login", "GET /api/leads/{id}");
        SoftAssertions.assertSoftly(soft -> {
            soft.assertThat(difference(mounted, described)).as("mounted under /api but missing from openapi.yaml")
                    .isEmpty();
            soft.assertThat(difference(described, mounted)).as("in openapi.yaml but not mounted").isEmpty();
        });
    }

    /**
     * "METHOD /api/path" for every route that names a method, sub-routers followed; Vert.x {@code :name} becomes
     * the spec's {@code {name}}. A route that names no method is not an endpoint: authentication, role checks,
     * limits, body handlers and the 404 fallback are mounted that way, for every method of a path prefix.
     */
    static Set<String> endpoints(Router router, String prefix) {
        Set<String> out = new TreeSet<>();
        for (Route route : router.getRoutes()) {
            String path = join(prefix, route.getPath() == null ? "*" : route.getPath());
            if (route.getSubRouter() != null) {
                out.addAll(endpoints(route.getSubRouter(), path.replaceAll("/?\\*$", "")));
                continue;
            }
            Set<HttpMethod> methods = route.methods();
            if (methods == null || methods.isEmpty() || !path.startsWith("/api/")) {
                continue;
            }
            String templated = path.replaceAll(":([A-Za-z0-9_]+)", "{$1}");
            methods.forEach(method -> out.add(method.name() + " " + templated));
        }
        return out;
    }

    private static String join(String prefix, String path) {
        String head = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        return prefix.isEmpty() ? path : head + (path.startsWith("/") ? path : "/" + path);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

    @Test
    void aRequestWithoutCredentialsIsRefusedExactlyWhereTheSpecSaysASessionIsNeeded() throws Exception {
        List<String> wrong = new ArrayList<>();
        for (OpenApiDocument.Operation op : doc.operations()) {
            Answer answer = call(op, null);
            if (op.secured() != (answer.status() == 401)) {
                wrong.add(op + " (" + (op.secured() ? "secured" : "public") + ") answered " + answer);
            }
        }
        assertThat(wrong).isEmpty();
    }

    /**
     * A role named in the summary is enforced (the role below is refused 403) and is enough (that role is not
     * refused for its role). Requests carry no body and unknown ids, so nothing is changed: they stop at a 400 or
     * a 404. Operations open to every signed-in user get a fresh monitor session each (one of them is logout).
     */
    @Test
    void theRoleEachOperationNamesIsTheRoleTheGatewayRequires() throws Exception {
        String supervisor = ApiAuthTest.loginWith(gateway, "sup-contract", "password-of-sup-contract");
        String monitor = ApiAuthTest.loginWith(gateway, "mon-contract", "password-of-mon-contract");
        List<String> wrong = new ArrayList<>();
        for (OpenApiDocument.Operation op : doc.operations()) {
            if (!op.secured()) {
                continue;
            }
            Optional<String> role = op.role();
            String below = role.isEmpty() ? null : "admin".equals(role.get()) ? supervisor : monitor;
            String enough = role.isEmpty() ? ApiAuthTest.loginWith(gateway, "mon-contract", "password-of-mon-contract")
                    : "admin".equals(role.get()) ? adminToken : supervisor;
            if (below != null && !call(op, below).roleRefused()) {
                wrong.add(op + " needs " + role.get() + " but the role below was not refused: " + call(op, below));
            }
            Answer allowed = call(op, enough);
            if (allowed.roleRefused() || allowed.status() == 401) {
                wrong.add(op + " is described as open to " + role.orElse("any role") + " but answered " + allowed);
            }
        }
        assertThat(wrong).isEmpty();
    }

    record Answer(int status, String body) {
        boolean roleRefused() {
            return status == 403 && body.startsWith("{") && new JsonObject(body).getString("error", "")
                    .startsWith("this needs the ");
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    /** The operation with its path parameters filled in, no body, optionally a bearer token; streams are not read. */
    private Answer call(OpenApiDocument.Operation op, String token) throws Exception {
        String path = doc.base() + op.path().replaceAll("\\{[^}]+}", NO_SUCH_ID);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(gateway.baseUrl() + path))
                .timeout(Duration.ofSeconds(10)).method(op.method(), HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            boolean stream = response.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream");
            return new Answer(response.statusCode(), stream ? "(event stream)"
                    : new String(body.readAllBytes(), StandardCharsets.UTF_8));
        }
    }
}
