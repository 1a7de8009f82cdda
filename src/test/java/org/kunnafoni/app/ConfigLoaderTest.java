package org.kunnafoni.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigLoaderTest {
    private static final Path SHIPPED = Path.of("config/gateway.yaml");

    @Test
    void shippedDefaultsAreValidAndEmbedded() {
        GatewayConfig config = ConfigLoader.load(SHIPPED, Map.of());
        assertThat(config.http().port()).isEqualTo(8080);
        assertThat(config.redis().embedded()).isTrue();
        assertThat(config.intake().dedupeTtl()).isEqualTo(Duration.ofHours(48));
        assertThat(config.secrets().twilioAuthToken()).isEmpty();
        assertThat(config.twilio().apiBaseUrl().toString()).isEqualTo("https://api.twilio.com");
    }

    @Test
    void missingFileFallsBackToTheCopyInTheJar() {
        assertThat(ConfigLoader.load(Path.of("does/not/exist.yaml"), Map.of()).http().port()).isEqualTo(8080);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "KUNNAFONI_HTTP_PORT, 9090",
            "KUNNAFONI_PUBLIC_URL, https://alerts.example.org",
            "KUNNAFONI_DATA_DIR, /var/lib/kunnafoni",
            "KUNNAFONI_REDIS_URI, redis://redis.internal:6379/0",
            "KUNNAFONI_TWILIO_ACCOUNT_SID, AC0123456789abcdef0123456789abcdef",
            "KUNNAFONI_TWILIO_AUTH_TOKEN, secret-token",
            "KUNNAFONI_HTTP_BODY_LIMIT, 4096",
            "KUNNAFONI_INTAKE_DEDUPE_TTL, 2d",
            "KUNNAFONI_REDIS_EMBEDDED_APPENDFSYNC, everysec",
    })
    void everyOptionCanBeOverriddenFromTheEnvironment(String variable, String value) {
        Map<String, String> env = new java.util.HashMap<>(Map.of(variable, value));
        env.putIfAbsent("KUNNAFONI_TWILIO_FROM", "KUNNAFONI"); // sending through Twilio needs a sender
        GatewayConfig config = ConfigLoader.load(SHIPPED, env);
        String rendered = switch (variable) {
            case "KUNNAFONI_HTTP_PORT" -> Integer.toString(config.http().port());
            case "KUNNAFONI_PUBLIC_URL" -> config.publicUrl().toString();
            case "KUNNAFONI_DATA_DIR" -> config.dataDir().toString();
            case "KUNNAFONI_REDIS_URI" -> config.redis().uri().orElseThrow();
            case "KUNNAFONI_TWILIO_ACCOUNT_SID" -> config.twilio().accountSid().orElseThrow();
            case "KUNNAFONI_TWILIO_AUTH_TOKEN" -> config.secrets().twilioAuthToken().orElseThrow();
            case "KUNNAFONI_HTTP_BODY_LIMIT" -> Integer.toString(config.http().bodyLimit());
            case "KUNNAFONI_INTAKE_DEDUPE_TTL" -> config.intake().dedupeTtl().equals(Duration.ofDays(2)) ? value : "?";
            default -> config.redis().embeddedAppendfsync();
        };
        assertThat(rendered).isEqualTo(value);
    }

    @Test
    void listsEveryErrorAtOnce() {
        Map<String, String> env = Map.of(
                "KUNNAFONI_HTTP_PORT", "eighty",
                "KUNNAFONI_PUBLIC_URL", "gateway.example.org",
                "KUNNAFONI_REDIS_URI", "localhost:6379",
                "KUNNAFONI_INTAKE_DEDUPE_TTL", "two days",
                "KUNNAFONI_INTAKE_ALERT_REPLY", "loud",
                "KUNNAFONI_TWILIO_ACCOUNT_SID", "AC123",
                "KUNNAFONI_DATA_KEY", "short",
                "KUNNAFONI_RELAY_SECRETS", "phone-1=abc",
                "KUNNAFONI_TWILIO_FROM", "KUNNAFONI");
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED, env))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .hasSize(8)
                        .anySatisfy(m -> assertThat(m).startsWith("http.port"))
                        .anySatisfy(m -> assertThat(m).startsWith("public-url"))
                        .anySatisfy(m -> assertThat(m).startsWith("redis.uri"))
                        .anySatisfy(m -> assertThat(m).startsWith("intake.dedupe-ttl"))
                        .anySatisfy(m -> assertThat(m).startsWith("intake.alert-reply"))
                        .anySatisfy(m -> assertThat(m).startsWith("twilio.account-sid"))
                        .anySatisfy(m -> assertThat(m).startsWith("KUNNAFONI_DATA_KEY").doesNotContain("short"))
                        .anySatisfy(m -> assertThat(m).startsWith("KUNNAFONI_RELAY_SECRETS")));
    }

    @Test
    void anAccountWithoutASenderIsRefused() {
        assertThatThrownBy(() -> ConfigLoader.load(SHIPPED,
                Map.of("KUNNAFONI_TWILIO_ACCOUNT_SID", "AC0123456789abcdef0123456789abcdef")))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .containsExactly("twilio.messaging-service-sid or twilio.from: one is needed to send through Twilio"));
    }

    @Test
    void secretsWrittenInTheFileAreRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("gateway.yaml");
        Files.writeString(file, Files.readString(SHIPPED).replace("twilio:\n", "twilio:\n  auth-token: oops\n"));
        assertThatThrownBy(() -> ConfigLoader.load(file, Map.of()))
                .isInstanceOfSatisfying(ConfigException.class, e -> assertThat(e.errors())
                        .containsExactly("twilio.auth-token: secrets are read from the environment only; remove it from "
                                + file + " and set KUNNAFONI_TWILIO_AUTH_TOKEN"));
    }

    @Test
    void secretsNeverAppearInToString() {
        GatewayConfig config = ConfigLoader.load(SHIPPED, Map.of("KUNNAFONI_TWILIO_AUTH_TOKEN", "hunter2-token",
                "KUNNAFONI_RELAY_SECRETS", "phone-1=abcdefghijklmnop"));
        assertThat(config.toString()).doesNotContain("hunter2-token").doesNotContain("abcdefghijklmnop");
    }
}
