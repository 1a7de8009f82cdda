package org.kunnafoni.app;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.time.ZoneId;
import org.kunnafoni.channel.relay.RelayRouting;
import org.kunnafoni.channel.relay.RelaySettings;
import org.kunnafoni.dispatch.DispatchSettings;
import org.kunnafoni.triage.place.Gazetteer;
import java.util.Set;
import org.kunnafoni.dispatch.QuietHours;

/** Turns the merged YAML tree into a {@link GatewayConfig}, collecting every error instead of stopping at the first. */
final class ConfigBinder {
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)");
    private static final Pattern ACCOUNT_SID = Pattern.compile("AC[0-9a-fA-F]{32}");
    private static final Pattern MESSAGING_SERVICE_SID = Pattern.compile("MG[0-9a-fA-F]{32}");
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern DEVICE_ID = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final JsonNode tree;
    private final List<String> errors;

    ConfigBinder(JsonNode tree, List<String> errors) {
        this.tree = tree;
        this.errors = errors;
    }

    GatewayConfig bind() {
        Map<String, String> relaySecrets = relaySecrets();
        GatewayConfig.Relay relay = relay(relaySecrets.keySet());
        GatewayConfig config = new GatewayConfig(
                httpUrl("public-url"),
                Path.of(text("data-dir", "data")),
                new GatewayConfig.Http(
                        text("http.host", "0.0.0.0"),
                        integer("http.port", 8080, 1, 65535),
                        integer("http.body-limit", 16384, 1024, 1 << 20),
                        duration("http.shutdown-grace", "10s"),
                        integer("http.instances", 0, 0, 64),
                        requestLimits()),
                redis(),
                new GatewayConfig.Twilio(
                        optionalMatching("twilio.account-sid", ACCOUNT_SID, "an account SID (AC + 32 hex digits)"),
                        optionalMatching("twilio.messaging-service-sid", MESSAGING_SERVICE_SID,
                                "a Messaging Service SID (MG + 32 hex digits)"),
                        optionalText("twilio.from"),
                        httpUrl("twilio.api-base-url"),
                        atLeast("twilio.connect-timeout", "5s", Duration.ofMillis(100)),
                        atLeast("twilio.request-timeout", "10s", Duration.ofMillis(100))),
                new GatewayConfig.Intake(
                        duration("intake.dedupe-ttl", "48h"),
                        GatewayConfig.AlertReply.valueOf(oneOf("intake.alert-reply", "none", List.of("none", "ack"))
                                .toUpperCase(Locale.ROOT)),
                        countryCode("intake.default-country"),
                        text("intake.hotline", "").trim(),
                        integer("intake.sender-limit", 30, 0, 1_000_000),
                        atLeast("intake.sender-window", "10m", Duration.ofSeconds(1))),
                new GatewayConfig.Spool(duration("spool.replay-interval", "1s")),
                new GatewayConfig.Triage(
                        integer("triage.workers", 1, 0, 16),
                        atLeast("triage.cluster-window", "24h", Duration.ofMinutes(1)),
                        decimal("triage.min-similarity", 0.4, 0.05, 1.0),
                        atLeast("triage.claim-idle", "30s", Duration.ofMillis(100)),
                        integer("triage.max-deliveries", 5, 1, 100),
                        integer("triage.busy-intake-waiting", 16, 0, 1_000_000),
                        decimal("triage.busy-share", 0.1, 0.01, 1.0)),
                new GatewayConfig.Auth(
                        atLeast("auth.session-ttl", "8h", Duration.ofMinutes(5)),
                        integer("auth.bcrypt-cost", 12, 4, 16),
                        integer("auth.login-max-failures", 5, 1, 100),
                        atLeast("auth.login-lockout", "15m", Duration.ofSeconds(1)),
                        atLeast("auth.session-idle", "30m", Duration.ofMinutes(1))),
                dispatch(relay.routing().configured()),
                new GatewayConfig.Review(atLeast("review.escalation-after", "30m", Duration.ofSeconds(1)), onCall()),
                relay,
                new GatewayConfig.Campaigns(
                        java.math.BigDecimal.valueOf(decimal("campaigns.price-per-segment", 0, 0, 100)),
                        text("campaigns.currency", "USD").trim(),
                        atLeast("campaigns.default-validity", "24h", Duration.ofMinutes(15)),
                        atLeast("campaigns.scheduler-interval", "5s", Duration.ofMillis(100)),
                        atLeast("campaigns.claim-lease", "5m", Duration.ofSeconds(10)),
                        integer("campaigns.fanout-page", 500, 10, 10_000)),
                radio(),
                new GatewayConfig.Secrets(
                        optionalText("twilio.auth-token"),
                        optionalText("data-key").filter(this::validDataKey),
                        relaySecrets,
                        optionalText("admin-password").filter(this::validAdminPassword)));
        leaseProblem(config).ifPresent(errors::add);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return config;
    }

    private GatewayConfig.Redis redis() {
        Optional<String> uri = optionalText("redis.uri").map(this::redisUri);
        Duration commandTimeout = duration("redis.command-timeout", "2s");
        int waitReplicas = integer("redis.wait-replicas", 0, 0, 16);
        Duration waitTimeout = atLeast("redis.wait-timeout", "1s", Duration.ofMillis(1));
        if (waitReplicas > 0) {
            waitProblem(uri, commandTimeout, waitTimeout).ifPresent(p -> errors.add("redis.wait-replicas: " + p));
        }
        return new GatewayConfig.Redis(uri,
                integer("redis.embedded-port", 0, 0, 65535),
                oneOf("redis.embedded-appendfsync", "always", List.of("always", "everysec")),
                commandTimeout, waitReplicas, waitTimeout);
    }

    /**
     * A send holds its dispatch's lease (the wait for its rate slot is added on top). A Twilio call that outlives the
     * lease lets another worker take the message over and send it a second time.
     */
    private static Optional<String> leaseProblem(GatewayConfig config) {
        Duration longestCall = config.twilio().connectTimeout().multipliedBy(2).plus(config.twilio().requestTimeout());
        Duration lease = config.dispatch().lease();
        if (lease.compareTo(longestCall) > 0) {
            return Optional.empty();
        }
        return Optional.of("dispatch.lease: " + lease.toMillis() + "ms must be longer than the longest Twilio call, "
                + "2 × twilio.connect-timeout + twilio.request-timeout = " + longestCall.toMillis()
                + "ms; otherwise a message still being sent can be taken over and sent twice");
    }

    /** WAIT runs on the connection that wrote; a cluster connection sends it to some node, not the slot's master. */
    private static Optional<String> waitProblem(Optional<String> uri, Duration commandTimeout, Duration waitTimeout) {
        if (uri.isEmpty()) {
            return Optional.of("the embedded Redis has no replicas; set redis.uri to a Redis with replicas");
        }
        if (org.kunnafoni.store.RedisAddress.problem(uri.get()) == null
                && org.kunnafoni.store.RedisAddress.parse(uri.get()).mode()
                == org.kunnafoni.store.RedisAddress.Mode.CLUSTER) {
            return Optional.of("not supported with a Redis Cluster; use a standalone or redis-sentinel:// master "
                    + "(or min-replicas-to-write on the cluster's masters)");
        }
        if (waitTimeout.compareTo(commandTimeout) >= 0) {
            return Optional.of("redis.wait-timeout (" + waitTimeout.toMillis() + "ms) must be shorter than "
                    + "redis.command-timeout (" + commandTimeout.toMillis() + "ms)");
        }
        return Optional.empty();
    }

    private GatewayConfig.Radio radio() {
        Duration after = atLeast("radio.reminder-after", "2h", Duration.ofMinutes(1));
        Duration missed = atLeast("radio.missed-after", "2d", Duration.ofMinutes(2));
        if (missed.compareTo(after) <= 0) {
            errors.add("radio.missed-after: must be longer than radio.reminder-after (" + after + ")");
        }
        return new GatewayConfig.Radio(after, missed, atLeast("radio.reminder-interval", "1m", Duration.ofMillis(100)));
    }

    private String text(String path, String fallback) {
        JsonNode node = ConfigLoader.at(tree, path);
        return node == null || node.isNull() ? fallback : node.asText();
    }

    private Optional<String> optionalText(String path) {
        String value = text(path, "").trim();
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    private int integer(String path, int fallback, int min, int max) {
        String value = text(path, Integer.toString(fallback)).trim();
        try {
            int parsed = Integer.parseInt(value);
            if (parsed < min || parsed > max) {
                errors.add(path + ": " + parsed + " is outside " + min + "–" + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            errors.add(path + ": '" + value + "' is not a whole number");
            return fallback;
        }
    }

    private double decimal(String path, double fallback, double min, double max) {
        String value = text(path, Double.toString(fallback)).trim();
        try {
            double parsed = Double.parseDouble(value);
            if (!(parsed >= min && parsed <= max)) {
                errors.add(path + ": " + value + " is outside " + min + "–" + max);
            }
            return parsed;
        } catch (NumberFormatException e) {
            errors.add(path + ": '" + value + "' is not a number");
            return fallback;
        }
    }

    private Duration atLeast(String path, String fallback, Duration min) {
        int before = errors.size();
        Duration value = duration(path, fallback);
        if (errors.size() == before && value.compareTo(min) < 0) {
            errors.add(path + ": '" + text(path, fallback).trim() + "' is shorter than the minimum " + min);
        }
        return value;
    }

    private Duration duration(String path, String fallback) {
        String value = text(path, fallback).trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(value);
        if (!m.matches()) {
            errors.add(path + ": '" + value + "' is not a duration like 500ms, 10s, 5m, 48h or 2d");
            return Duration.ZERO;
        }
        long amount = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofDays(amount);
        };
    }

    private String oneOf(String path, String fallback, List<String> allowed) {
        String value = text(path, fallback).trim().toLowerCase(Locale.ROOT);
        if (!allowed.contains(value)) {
            errors.add(path + ": '" + value + "' must be one of " + allowed);
            return fallback;
        }
        return value;
    }

    private URI httpUrl(String path) {
        String value = text(path, "").trim();
        try {
            URI uri = new URI(value);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                errors.add(path + ": '" + value + "' must be an absolute http:// or https:// URL");
            } else if (uri.getQuery() != null || uri.getFragment() != null) {
                errors.add(path + ": '" + value + "' must not have a query or fragment");
            }
            return uri;
        } catch (Exception e) {
            errors.add(path + ": '" + value + "' is not a URL");
            return URI.create("http://invalid");
        }
    }

    private Optional<String> optionalMatching(String path, Pattern pattern, String what) {
        Optional<String> value = optionalText(path);
        value.filter(v -> !pattern.matcher(v).matches())
                .ifPresent(v -> errors.add(path + ": '" + v + "' is not " + what));
        return value;
    }

    private String redisUri(String value) {
        String problem = org.kunnafoni.store.RedisAddress.problem(value);
        if (problem != null) {
            errors.add("redis.uri: " + problem);
        }
        return value;
    }

    private String countryCode(String path) {
        String value = text(path, "ML").trim().toUpperCase(Locale.ROOT);
        if (!value.matches("[A-Z]{2}")) {
            errors.add(path + ": '" + value + "' is not a two-letter ISO country code");
        }
        return value;
    }

    private boolean validDataKey(String base64) {
        try {
            if (Base64.getDecoder().decode(base64.trim()).length == 32) {
                return true;
            }
        } catch (IllegalArgumentException ignored) {
            // reported below, without echoing the secret
        }
        errors.add(ConfigLoader.envName("data-key") + ": must be 32 bytes in Base64 (e.g. `openssl rand -base64 32`)");
        return false;
    }

    private DispatchSettings dispatch(boolean relayConfigured) {
        Map<String, String> senders = new LinkedHashMap<>();
        if (relayConfigured) {
            senders.put("relay", "relay");
        }
        optionalText("twilio.messaging-service-sid").or(() -> optionalText("twilio.from"))
                .ifPresent(sender -> senders.put("twilio", sender));
        if (optionalText("twilio.account-sid").isPresent() && senders.isEmpty()) {
            errors.add("twilio.messaging-service-sid or twilio.from: one is needed to send through Twilio");
        }
        DispatchSettings defaults = DispatchSettings.defaults();
        try {
            return new DispatchSettings(
                    decimal("dispatch.segments-per-second", 1.0, 0.01, 1000),
                    integer("dispatch.burst-segments", 10, 1, 10_000),
                    integer("dispatch.max-attempts", 12, 1, 20),
                    window("dispatch.quiet-hours", "21:00-07:00"),
                    zone("dispatch.quiet-zone", "Africa/Bamako"),
                    windowsByRegion("dispatch.quiet-hours-by-region"),
                    integer("dispatch.workers", 1, 1, 16),
                    integer("dispatch.batch", 8, 1, 256),
                    atLeast("dispatch.lease", "2m", Duration.ofSeconds(10)),
                    atLeast("dispatch.held-recheck", "30s", Duration.ofSeconds(1)),
                    atLeast("dispatch.reclaim-idle", "3m", Duration.ofSeconds(10)),
                    senders);
        } catch (IllegalArgumentException e) {
            return defaults; // the errors are already listed
        }
    }

    private String window(String path, String fallback) {
        String value = text(path, fallback).trim();
        try {
            QuietHours.Window.parse(value);
        } catch (RuntimeException e) {
            errors.add(path + ": '" + value + "' is not a window like 21:00-07:00");
            return fallback;
        }
        return value;
    }

    private String zone(String path, String fallback) {
        String value = text(path, fallback).trim();
        try {
            ZoneId.of(value);
        } catch (RuntimeException e) {
            errors.add(path + ": '" + value + "' is not a time zone like Africa/Bamako");
            return fallback;
        }
        return value;
    }

    private Map<String, String> windowsByRegion(String path) {
        JsonNode node = ConfigLoader.at(tree, path);
        Map<String, String> windows = new LinkedHashMap<>();
        if (node == null || node.isNull() || node.isTextual() && node.asText().isBlank()) {
            return windows;
        }
        if (!node.isObject()) {
            errors.add(path + ": must be a mapping of region slug to window, e.g. {gao: \"20:00-07:00\"}");
            return windows;
        }
        node.fields().forEachRemaining(e -> windows.put(e.getKey(), window(path + "." + e.getKey(), e.getValue().asText())));
        return windows;
    }

    private boolean validAdminPassword(String password) {
        if (password.length() >= 12) {
            return true;
        }
        errors.add(ConfigLoader.envName("admin-password") + ": must have at least 12 characters");
        return false;
    }

    private GatewayConfig.Relay relay(Set<String> devicesWithSecrets) {
        Optional<String> defaultDevice = optionalText("relay.default-device");
        defaultDevice.ifPresent(device -> checkDevice("relay.default-device", device, devicesWithSecrets));
        Map<String, String> byRegion = deviceForRegion(devicesWithSecrets);
        RelaySettings defaults = RelaySettings.defaults();
        try {
            return new GatewayConfig.Relay(new RelayRouting(byRegion, defaultDevice), new RelaySettings(
                    integer("relay.batch", defaults.batch(), 1, 500),
                    atLeast("relay.lease", "10m", Duration.ofSeconds(10)),
                    integer("relay.max-handouts", defaults.maxHandouts(), 1, 20),
                    atLeast("relay.results-for", "48h", Duration.ofMinutes(1))));
        } catch (IllegalArgumentException e) {
            return new GatewayConfig.Relay(RelayRouting.none(), defaults); // the errors are already listed
        }
    }

    /** A YAML mapping in the file, or {@code gao=phone-gao-1,mopti=phone-mopti-1} from the environment. */
    private Map<String, String> deviceForRegion(Set<String> devicesWithSecrets) {
        String path = "relay.device-for-region";
        JsonNode node = ConfigLoader.at(tree, path);
        Map<String, String> byRegion = new LinkedHashMap<>();
        if (node != null && node.isObject()) {
            node.fields().forEachRemaining(e -> byRegion.put(e.getKey().trim(), e.getValue().asText().trim()));
        } else if (node != null && node.isTextual()) {
            for (String entry : node.asText().split(",")) {
                int eq = entry.indexOf('=');
                if (!entry.isBlank()) {
                    byRegion.put(eq < 0 ? entry.trim() : entry.substring(0, eq).trim(),
                            eq < 0 ? "" : entry.substring(eq + 1).trim());
                }
            }
        } else if (node != null && !node.isNull()) {
            errors.add(path + ": must be a mapping of region slug to device id, e.g. {gao: phone-gao-1}");
        }
        if (!byRegion.isEmpty()) {
            Set<String> regions = Set.copyOf(Gazetteer.loadDefault().regions());
            byRegion.forEach((region, device) -> {
                if (!regions.contains(region)) {
                    errors.add(path + ": '" + region + "' is not a region slug (" + String.join(" ", regions) + ")");
                }
                checkDevice(path + "." + region, device, devicesWithSecrets);
            });
        }
        return byRegion;
    }

    /** A phone the dispatcher routes to must be able to poll, or its messages would wait forever. */
    private void checkDevice(String path, String device, Set<String> devicesWithSecrets) {
        if (!DEVICE_ID.matcher(device).matches()) {
            errors.add(path + ": '" + device + "' is not a device id (letters, digits, . _ -)");
        } else if (!devicesWithSecrets.contains(device)) {
            errors.add(path + ": device '" + device + "' has no secret in " + ConfigLoader.envName("relay.secrets"));
        }
    }

    /** Comma-separated IP literals (no names: a DNS answer must not decide whom to believe). */
    private List<String> trustedProxies() {
        List<String> proxies = new java.util.ArrayList<>();
        for (String entry : text("http.trusted-proxies", "").split(",")) {
            String literal = entry.trim();
            if (literal.isEmpty()) {
                continue;
            }
            if (!literal.matches("[0-9]{1,3}(\\.[0-9]{1,3}){3}|[0-9a-fA-F:]*:[0-9a-fA-F:]*")) {
                errors.add("http.trusted-proxies: '" + literal + "' is not an IPv4 or IPv6 address");
                continue;
            }
            try {
                proxies.add(java.net.InetAddress.getByName(literal).getHostAddress());
            } catch (java.net.UnknownHostException e) {
                errors.add("http.trusted-proxies: '" + literal + "' is not an IPv4 or IPv6 address");
            }
        }
        return proxies;
    }

    /** Per-client request rates of the JSON and partner APIs, and the proxies whose X-Forwarded-For is believed. */
    private org.kunnafoni.web.RequestLimits requestLimits() {
        return new org.kunnafoni.web.RequestLimits(
                new org.kunnafoni.web.RequestLimits.Rate(decimal("http.api-requests-per-second", 20, 0, 100_000),
                        integer("http.api-burst", 400, 1, 1_000_000)),
                new org.kunnafoni.web.RequestLimits.Rate(decimal("http.partner-requests-per-second", 2, 0, 100_000),
                        integer("http.partner-burst", 60, 1, 1_000_000)),
                trustedProxies());
    }

    /** Comma-separated E.164 numbers; an invalid entry is reported by position, never echoed (personal data). */
    private List<String> onCall() {
        List<String> numbers = new java.util.ArrayList<>();
        String[] entries = text("review.on-call", "").split(",");
        for (int i = 0; i < entries.length; i++) {
            String number = entries[i].trim();
            if (number.isEmpty()) {
                continue;
            }
            if (!E164.matcher(number).matches()) {
                errors.add(ConfigLoader.envName("review.on-call") + ": entry " + (i + 1)
                        + " is not an E.164 number (+ and 8 to 15 digits)");
            } else if (!numbers.contains(number)) {
                numbers.add(number);
            }
        }
        return numbers;
    }

    private Map<String, String> relaySecrets() {
        Map<String, String> secrets = new LinkedHashMap<>();
        for (String entry : text("relay.secrets", "").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            String device = eq < 0 ? entry.trim() : entry.substring(0, eq).trim();
            String secret = eq < 0 ? "" : entry.substring(eq + 1).trim();
            if (!DEVICE_ID.matcher(device).matches() || secret.length() < 12) {
                errors.add(ConfigLoader.envName("relay.secrets") + ": entry for device '" + device
                        + "' must be device-id=secret with a secret of at least 12 characters");
            } else {
                secrets.put(device, secret);
            }
        }
        return secrets;
    }
}
