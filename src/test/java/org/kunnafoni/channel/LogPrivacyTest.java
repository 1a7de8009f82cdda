package org.kunnafoni.channel;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.support.GatewayFixture;
import org.kunnafoni.support.TwilioSigner;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Logs never carry a phone number or a message body, on the happy path or on rejections. */
class LogPrivacyTest {
    private static final String PHONE_DIGITS = "76543219";
    private static final String BODY = "Trois enfants enlevés à Léré par des hommes armés";

    /** Lettuce and Netty log whole commands and replies (message bodies) at DEBUG: production pins them higher. */
    @Test
    void shippedLoggingPinsLibrariesThatLogPayloadsAboveDebug() throws Exception {
        String config = java.nio.file.Files.readString(Path.of("src/main/resources/logback.xml"));
        for (String library : java.util.List.of("io.lettuce", "io.netty", "com.twilio", "org.apache.hc")) {
            assertThat(config).contains("<logger name=\"" + library + "\" level=\"WARN\"/>");
        }
        assertThat(config).contains("<root level=\"INFO\">");
    }

    @Test
    void noPhoneNumberOrBodyInAnyLogLine(@TempDir Path dataDir) throws Exception {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        // our own code at its most talkative; libraries stay at the levels the shipped logback.xml pins (below)
        Logger ours = context.getLogger("org.kunnafoni");
        ch.qos.logback.classic.Level previous = ours.getLevel();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(context);
        captured.start();
        root.addAppender(captured);
        ours.setLevel(ch.qos.logback.classic.Level.DEBUG);
        try (GatewayFixture gateway = GatewayFixture.start(dataDir)) {
            gateway.postTwilio(GatewayFixture.twilioSms("SMlog1", "+223" + PHONE_DIGITS, BODY));
            gateway.postTwilio(GatewayFixture.twilioSms("SMlog2", "+223" + PHONE_DIGITS, "ARRET"));
            Map<String, String> forged = GatewayFixture.twilioSms("SMlog3", "+223" + PHONE_DIGITS, BODY);
            gateway.postForm("/channels/twilio/sms", forged,
                    Map.of("X-Twilio-Signature", TwilioSigner.sign("wrong", gateway.publicUrl("/x"), forged)));
            Map<String, String> relay = GatewayFixture.relayPost("log-relay-1", PHONE_DIGITS, BODY);
            gateway.postForm("/channels/relay", relay, Map.of());
            relay.put("secret", "wrong-secret-value");
            gateway.postForm("/channels/relay", relay, Map.of());
        } finally {
            root.detachAppender(captured);
            ours.setLevel(previous);
        }
        assertThat(captured.list).isNotEmpty();
        assertThat(captured.list).anyMatch(e -> e.getLevel() == ch.qos.logback.classic.Level.DEBUG
                || e.getLevel() == ch.qos.logback.classic.Level.INFO);
        assertThat(captured.list).allSatisfy(event -> {
            String line = event.getFormattedMessage() + (event.getThrowableProxy() == null ? ""
                    : event.getThrowableProxy().getMessage());
            assertThat(line).doesNotContain(PHONE_DIGITS).doesNotContain("enlevés").doesNotContain("wrong-secret");
        });
    }
}
