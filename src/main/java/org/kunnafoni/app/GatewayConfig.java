package org.kunnafoni.app;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The validated configuration of one gateway process (see config/gateway.yaml for every option). */
public record GatewayConfig(
        URI publicUrl,
        Path dataDir,
        Http http,
        Redis redis,
        Twilio twilio,
        Intake intake,
        Spool spool,
        Triage triage,
        Auth auth,
        org.kunnafoni.dispatch.DispatchSettings dispatch,
        Review review,
        Relay relay,
        Campaigns campaigns,
        Radio radio,
        Secrets secrets) {

    public record Http(String host, int port, int bodyLimit, Duration shutdownGrace, int instances,
                       org.kunnafoni.web.RequestLimits limits) {
    }

    /** {@code waitReplicas > 0}: intake acknowledges a write once that many replicas confirm it (WAIT). */
    public record Redis(Optional<String> uri, int embeddedPort, String embeddedAppendfsync, Duration commandTimeout,
                        int waitReplicas, Duration waitTimeout) {
        public Redis(Optional<String> uri, int embeddedPort, String embeddedAppendfsync, Duration commandTimeout) {
            this(uri, embeddedPort, embeddedAppendfsync, commandTimeout, 0, Duration.ofSeconds(1));
        }

        public boolean embedded() {
            return uri.isEmpty();
        }
    }

    /** {@code connectTimeout}/{@code requestTimeout}: for the REST API calls (a hung call holds a send that long). */
    public record Twilio(Optional<String> accountSid, Optional<String> messagingServiceSid, Optional<String> from,
                         URI apiBaseUrl, Duration connectTimeout, Duration requestTimeout) {
        public Twilio(Optional<String> accountSid, Optional<String> messagingServiceSid, Optional<String> from,
                      URI apiBaseUrl) {
            this(accountSid, messagingServiceSid, from, apiBaseUrl, Duration.ofSeconds(5), Duration.ofSeconds(10));
        }
    }

    public enum AlertReply { NONE, ACK }

    public record Intake(Duration dedupeTtl, AlertReply alertReply, String defaultCountry, String hotline,
                         int senderLimit, Duration senderWindow) {
    }

    public record Spool(Duration replayInterval) {
    }

    /** Triage workers and clustering; {@code workers == 0} runs intake only (another instance triages). */
    public record Triage(int workers, Duration clusterWindow, double minSimilarity, Duration claimIdle,
                         int maxDeliveries, int busyIntakeWaiting, double busyShare) {
    }

    /** Dashboard and API accounts: session lifetime, bcrypt cost, login throttling, idle session limit. */
    public record Auth(Duration sessionTtl, int bcryptCost, int loginMaxFailures, Duration loginLockout,
                       Duration sessionIdle) {
        public Auth(Duration sessionTtl, int bcryptCost, int loginMaxFailures, Duration loginLockout) {
            this(sessionTtl, bcryptCost, loginMaxFailures, loginLockout, Duration.ofMinutes(30));
        }
    }

    /**
     * Monitor review: how long an urgent lead may wait unopened before it escalates, and the E.164 numbers that
     * get an SMS when one does (personal data: from the environment only, never printed).
     */
    public record Review(Duration escalationAfter, List<String> onCall) {
        public Review {
            onCall = List.copyOf(onCall);
        }

        public Review(Duration escalationAfter) {
            this(escalationAfter, List.of());
        }

        @Override
        public String toString() {
            return "Review[escalationAfter=" + escalationAfter + ", onCall=" + onCall.size() + " numbers]";
        }
    }

    /** Relay phones for outbound SMS: which phone serves which region, and how the outbox hands messages out. */
    public record Relay(org.kunnafoni.channel.relay.RelayRouting routing,
                        org.kunnafoni.channel.relay.RelaySettings settings) {
    }

    /** Awareness campaigns: cost estimate, default validity, scheduler cadence, claim lease, fan-out page size. */
    public record Campaigns(java.math.BigDecimal pricePerSegment, String currency, Duration defaultValidity,
                            Duration schedulerInterval, Duration claimLease, int fanoutPage) {
    }

    /**
     * Radio broadcasts: a station is reminded {@code reminderAfter} the end of a slot it has not confirmed, and the
     * slot counts as missed {@code missedAfter} its end; {@code reminderInterval} is how often each instance looks.
     */
    public record Radio(Duration reminderAfter, Duration missedAfter, Duration reminderInterval) {
    }

    /** Values that only ever come from the environment. */
    public record Secrets(Optional<String> twilioAuthToken, Optional<String> dataKey, Map<String, String> relaySecrets,
                          Optional<String> adminPassword) {
        @Override
        public String toString() {
            return "Secrets[twilioAuthToken=" + twilioAuthToken.map(t -> "***").orElse("none")
                    + ", dataKey=" + dataKey.map(t -> "***").orElse("none")
                    + ", relayDevices=" + relaySecrets.keySet()
                    + ", adminPassword=" + adminPassword.map(t -> "***").orElse("none") + "]";
        }
    }
}
