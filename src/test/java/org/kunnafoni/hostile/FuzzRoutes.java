package org.kunnafoni.hostile;

import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.support.TwilioSigner;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Every route the gateway mounts (HttpVerticle, the API modules, the partner and Twilio status routes, the
 * dashboard), each with a generator of hostile requests that carry valid credentials, so the payload reaches
 * the parsers behind authentication.
 */
final class FuzzRoutes {
    record Route(String name, int cases, Supplier<FuzzCase> next) {
    }

    private static final List<String> STATUSES = List.of("queued", "accepted", "scheduled", "sending", "sent",
            "delivered", "undelivered", "failed", "read", "canceled");

    private final Hostile h;
    private final Payloads p;
    private final String adminToken;
    private final String partnerToken;

    FuzzRoutes(Hostile h, String adminToken, String partnerToken) {
        this.h = h;
        this.p = new Payloads(h);
        this.adminToken = adminToken;
        this.partnerToken = partnerToken;
    }

    List<Route> all(int channelLimit) {
        List<Route> routes = new ArrayList<>();
        routes.add(new Route("POST /channels/twilio/sms", 500, () -> twilioSms(channelLimit)));
        routes.add(new Route("POST /channels/twilio/status", 200, () -> twilioStatus(channelLimit)));
        routes.add(new Route("POST /channels/relay", 300, () -> relay(channelLimit)));
        routes.add(new Route("GET|POST /channels/relay?task=", 200, this::relayTask));
        for (String path : List.of("/health", "/ready", "/metrics")) {
            routes.add(new Route("GET " + path, 40, () -> operations(path)));
        }
        routes.add(new Route("GET / (dashboard files)", 80, this::dashboard));
        api(routes);
        routes.add(new Route("GET /partner/scripts", 40, () -> partner("GET", "/partner/scripts" + p.query(List.of("limit")), null)));
        routes.add(new Route("GET /partner/scripts/:id", 40, () -> partner("GET", "/partner/scripts/" + p.segment()
                + p.query(List.of("format")), null)));
        routes.add(new Route("POST /partner/scripts/:id/confirmations", 80, () -> partner("POST",
                "/partner/scripts/" + p.segment() + "/confirmations", p.json(List.of("status", "reason"), 2048))));
        routes.add(new Route("raw HTTP framing", RawFraming.CASES.size(), new RawFraming()::next));
        return routes;
    }

    private void api(List<Route> routes) {
        List<String> user = List.of("username", "password", "role", "disabled");
        List<String> campaign = List.of("topic", "regions", "languages", "schedule", "variables", "validity",
                "transliterate", "texts");
        List<String> partner = List.of("station", "regions", "languages", "numbers", "slots");
        List<String> radio = List.of("topic", "regions", "languages", "from", "to");
        apiJson(routes, "POST", "/api/login", List.of("username", "password"));
        routes.add(new Route("POST /api/logout", 30, () -> FuzzCase.of(request("POST", "/api/logout",
                Map.of("Authorization", "Bearer " + h.ascii(h.between(0, 40)).replaceAll("[\\r\\n]", "")), null))));
        apiGet(routes, "/api/session", List.of());
        // random strings never match the admin's current password, so the harness keeps its session
        apiJson(routes, "POST", "/api/session/password", List.of("current_password", "new_password"));
        apiGet(routes, "/api/users", List.of());
        apiJson(routes, "POST", "/api/users", user);
        apiJson(routes, "PATCH", "/api/users/:id", user);
        apiGet(routes, "/api/audit", List.of("limit", "before", "cursor"));
        apiJson(routes, "POST", "/api/triage/preview", List.of("text", "language"));
        apiGet(routes, "/api/leads", List.of("status", "region", "category", "limit", "cursor", "q", "sort", "priority"));
        apiGet(routes, "/api/leads/export", List.of("status", "region", "format", "from", "to"));
        apiGet(routes, "/api/leads/stats", List.of("region", "from", "to"));
        apiGet(routes, "/api/leads/:id", List.of());
        for (String action : List.of("transitions", "notes", "assignment", "merge", "split", "reveal")) {
            apiJson(routes, "POST", "/api/leads/:id/" + action, List.of("to", "note", "text", "from", "report_id",
                    "reason", "assignee"));
        }
        apiGet(routes, "/api/campaigns", List.of("limit", "cursor", "status"));
        apiJson(routes, "POST", "/api/campaigns", campaign);
        apiJson(routes, "POST", "/api/campaigns/preview", campaign);
        apiGet(routes, "/api/campaigns/:id", List.of());
        apiJson(routes, "POST", "/api/campaigns/:id/cancel", List.of("reason"));
        apiGet(routes, "/api/subscribers", List.of("limit", "cursor"));
        apiJson(routes, "POST", "/api/subscribers", List.of("phone", "region", "language"));
        routes.add(new Route("POST /api/subscribers/import", 40, () -> {
            Payloads.Body csv = p.csv();
            return FuzzCase.of(request("POST", "/api/subscribers/import", admin(csv.contentType()), csv.bytes()));
        }));
        apiGet(routes, "/api/partners", List.of());
        apiJson(routes, "POST", "/api/partners", partner);
        apiGet(routes, "/api/partners/:id", List.of());
        apiJson(routes, "PUT", "/api/partners/:id", partner);
        apiJson(routes, "POST", "/api/partners/:id/revoke", List.of("reason"));
        apiJson(routes, "POST", "/api/radio/campaigns", radio);
        apiJson(routes, "POST", "/api/radio/campaigns/preview", radio);
        apiGet(routes, "/api/radio/campaigns/:id", List.of());
        apiGet(routes, "/api/openapi.yaml", List.of());
        routes.add(new Route("GET /api/events", 10, () -> new FuzzCase(request("GET", "/api/events"
                + p.query(List.of("since", "last_event_id")), admin(null), null), java.util.Optional.empty(), true)));
        apiGet(routes, "/api/:unknown", List.of());
    }

    private void apiGet(List<Route> routes, String template, List<String> params) {
        routes.add(new Route("GET " + template, 40, () -> {
            Map<String, String> headers = admin(null);
            byte[] body = null;
            if (h.random().nextInt(10) == 0) {
                body = Payloads.utf8(h.jsonObject(params.isEmpty() ? List.of("a") : params));
                headers.put("Content-Type", "application/json");
            }
            return FuzzCase.of(request("GET", path(template) + p.query(params), headers, body));
        }));
    }

    private void apiJson(List<Route> routes, String method, String template, List<String> fields) {
        routes.add(new Route(method + " " + template, 60, () -> {
            Payloads.Body body = p.json(fields, 64 * 1024);
            return FuzzCase.of(request(method, path(template) + p.query(List.of()), admin(body.contentType()), body.bytes()));
        }));
    }

    private String path(String template) {
        return template.replace(":id", p.segment()).replace(":unknown", p.segment());
    }

    /** The admin's bearer token; now and then a hostile one or a hostile cookie instead. */
    private Map<String, String> admin(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        switch (h.random().nextInt(12)) {
            case 0 -> headers.put("Authorization", "Bearer " + h.ascii(h.between(0, 80)).replaceAll("[\\r\\n]", ""));
            case 1 -> headers.put("Cookie", "kf_session=" + Payloads.enc(h.text()));
            default -> headers.put("Authorization", "Bearer " + adminToken);
        }
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return headers;
    }

    private FuzzCase partner(String method, String target, Payloads.Body body) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Authorization", h.random().nextInt(8) == 0 ? "Bearer " + Payloads.enc(h.text())
                : "Bearer " + partnerToken);
        if (body != null && body.contentType() != null) {
            headers.put("Content-Type", body.contentType());
        }
        return FuzzCase.of(request(method, target, headers, body == null ? null : body.bytes()));
    }

    private FuzzCase operations(String path) {
        int kind = h.random().nextInt(8);
        String method = kind == 0 ? h.pick(List.of("POST", "PUT", "DELETE", "OPTIONS", "TRACE", "PATCH")) : "GET";
        byte[] body = kind == 1 ? Payloads.utf8(h.ofLength(h.between(1, 20_000))) : null;
        return FuzzCase.of(request(method, path + p.query(List.of("name[]", "format")), Map.of(), body));
    }

    private FuzzCase dashboard() {
        String target = switch (h.random().nextInt(6)) {
            case 0 -> "/" + p.segment();
            case 1 -> "/index.html" + p.query(List.of("v"));
            case 2 -> h.pick(List.of("/../../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fconfig%2fgateway.yaml",
                    "/.hidden", "/app.js%00.html", "//etc/passwd", "/webroot/../pom.xml", "/%c0%ae%c0%ae/etc/passwd"));
            case 3 -> "/" + p.segment() + "/" + p.segment();
            default -> "/" + h.pick(List.of("", "index.html", "app.js", "style.css", "api", "apix"));
        };
        return FuzzCase.of(request(h.random().nextInt(5) == 0 ? "HEAD" : "GET", target, Map.of(), null));
    }

    private FuzzCase twilioSms(int limit) {
        String sid = h.random().nextInt(10) == 0 ? h.text() : "SM" + hex(32);
        String from = h.random().nextInt(4) == 0 ? h.text() : "+2237" + (6000000 + h.random().nextInt(999999));
        boolean alert = h.random().nextInt(5) > 0;
        String body = (alert ? "Alerte " : "") + switch (h.random().nextInt(6)) {
            case 0 -> h.ofLength(h.between(1, 1600));
            case 1 -> h.ofLength(h.between(limit, limit + 4000));
            default -> h.text();
        };
        Map<String, String> params = new LinkedHashMap<>(GatewayFixture.twilioSms(sid, from, body));
        extras(params);
        if (h.random().nextInt(15) == 0) {
            params.remove(h.pick(List.of("MessageSid", "From", "Body")));
        }
        String url = "https://gateway.example.org/channels/twilio/sms";
        int mode = h.random().nextInt(14);
        String form = p.form(params);
        Map<String, String> signed = params;
        if (mode == 0) { // a duplicated Body: the first value counts, and is the one signed
            form = form + "&Body=" + Payloads.enc(h.text());
        } else if (mode == 1) { // invalid UTF-8, percent-encoded: signed as a UTF-8 decoder reads it
            byte[] bad = h.invalidUtf8();
            signed = new LinkedHashMap<>(params);
            signed.put("Body", "Alerte " + new String(bad, StandardCharsets.UTF_8));
            form = Payloads.Forms.encode(withoutBody(params)) + "&Body=Alerte+" + percent(bad);
        } else if (mode == 2) { // hundreds of fields
            for (int i = 0; i < h.pick(List.of(150, 300, 1200)); i++) {
                params.put("F" + i, h.ascii(3));
            }
            form = Payloads.Forms.encode(params);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", mode == 3 ? h.pick(List.of("application/json", "text/plain", "multipart/form-data"))
                : "application/x-www-form-urlencoded");
        if (mode != 4) {
            headers.put("X-Twilio-Signature", TwilioSigner.sign(GatewayFixture.AUTH_TOKEN, url, signed));
        }
        RawHttp.Request request = request("POST", "/channels/twilio/sms", headers, form.getBytes(StandardCharsets.US_ASCII));
        String stored = signed.get("Body");
        return alert && stored != null && signed.get("MessageSid") != null
                ? FuzzCase.storing(request, roundTrip(signed.get("MessageSid")).trim(), roundTrip(stored)) : FuzzCase.of(request);
    }

    private FuzzCase twilioStatus(int limit) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("MessageSid", h.random().nextInt(5) == 0 ? h.text() : "SM" + hex(32));
        params.put("MessageStatus", h.random().nextBoolean() ? h.pick(STATUSES) : h.text());
        params.put("ErrorCode", h.random().nextBoolean() ? h.pick(List.of("30003", "21610", "", "-1", "99999999999")) : h.text());
        params.put("AccountSid", "AC" + hex(32));
        extras(params);
        if (h.random().nextInt(20) == 0) {
            params.put("Pad", "x".repeat(limit));
        }
        String target = "/channels/twilio/status" + (h.random().nextBoolean() ? "?d=" + Payloads.enc(h.text()) : "");
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded");
        headers.put("X-Twilio-Signature", TwilioSigner.sign(GatewayFixture.AUTH_TOKEN,
                "https://gateway.example.org" + target, params));
        return FuzzCase.of(request("POST", target, headers, p.form(params).getBytes(StandardCharsets.US_ASCII)));
    }

    private FuzzCase relay(int limit) {
        String id = h.random().nextInt(8) == 0 ? h.text() : "m-" + hex(12);
        String from = h.random().nextInt(4) == 0 ? h.text() : "+2237" + (6000000 + h.random().nextInt(999999));
        boolean alert = h.random().nextInt(5) > 0;
        String message = (alert ? "Alerte " : "") + (h.random().nextInt(8) == 0
                ? h.ofLength(h.between(limit, limit + 2000)) : h.text());
        Map<String, String> form = new LinkedHashMap<>(GatewayFixture.relayPost(id, from, message));
        if (h.random().nextInt(10) == 0) {
            form.put("secret", h.text());
        }
        if (h.random().nextInt(15) == 0) {
            form.remove(h.pick(List.of("from", "message", "message_id", "device_id")));
        }
        extras(form);
        Map<String, String> headers = Map.of("Content-Type", "application/x-www-form-urlencoded");
        RawHttp.Request request = request("POST", "/channels/relay", headers,
                p.form(form).getBytes(StandardCharsets.US_ASCII));
        boolean genuine = GatewayFixture.RELAY_SECRET.equals(form.get("secret")) && form.containsKey("message")
                && form.get("message_id") != null && !form.get("message_id").isBlank();
        return alert && genuine ? FuzzCase.storing(request, roundTrip(form.get("message_id")).trim(), roundTrip(message))
                : FuzzCase.of(request);
    }

    private FuzzCase relayTask() {
        String task = h.random().nextInt(6) == 0 ? Payloads.enc(h.text()) : h.pick(List.of("send", "sent", "result"));
        String device = h.random().nextInt(8) == 0 ? Payloads.enc(h.text()) : GatewayFixture.RELAY_DEVICE;
        String target = "/channels/relay?task=" + task + "&secret=" + GatewayFixture.RELAY_SECRET + "&device_id=" + device
                + p.query(List.of("task", "secret")).replaceFirst("^\\?", "&");
        if (h.random().nextBoolean()) {
            return FuzzCase.of(request("GET", target, Map.of(), null));
        }
        List<String> fields = List.of("queued_messages", "message_result", "secret", "device_id");
        Payloads.Body body = h.random().nextInt(3) == 0 ? new Payloads.Body("application/json",
                Payloads.utf8("{\"queued_messages\":[" + h.jsonValue(1) + "," + Hostile.quote(h.text())
                        + "],\"message_result\":[{\"uuid\":" + Hostile.quote(h.text()) + ",\"sent_result_code\":"
                        + h.jsonValue(0) + ",\"delivered_result_code\":" + h.jsonValue(0) + "}]}"))
                : p.json(fields, 16 * 1024);
        Map<String, String> headers = new HashMap<>();
        if (body.contentType() != null) {
            headers.put("Content-Type", body.contentType());
        }
        return FuzzCase.of(request("POST", target, headers, body.bytes()));
    }

    private void extras(Map<String, String> params) {
        for (int i = h.between(0, 3); i > 0; i--) {
            params.put(h.text(), h.text());
        }
    }

    private String hex(int digits) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < digits; i++) {
            out.append(Character.forDigit(h.random().nextInt(16), 16));
        }
        return out.toString();
    }

    private static Map<String, String> withoutBody(Map<String, String> params) {
        Map<String, String> copy = new LinkedHashMap<>(params);
        copy.remove("Body");
        return copy;
    }

    private static String percent(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append('%').append(String.format("%02X", b & 0xFF));
        }
        return out.toString();
    }

    /** What a string becomes on the wire: lone surrogates cannot be encoded in UTF-8 and arrive as '?'. */
    static String roundTrip(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    static RawHttp.Request request(String method, String target, Map<String, String> headers, byte[] body) {
        return new RawHttp.Request(method, target, headers, body);
    }
}
