package org.kunnafoni.app;

import org.kunnafoni.dispatch.EscalationNotifier;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisEscalationFeed;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.InstantSource;

/** Escalation SMS to the on-call numbers (review.on-call), through the dispatch pipeline on the Twilio channel. */
final class EscalationSmsWiring {
    private static final Duration RECLAIM_IDLE = Duration.ofMinutes(1);

    private EscalationSmsWiring() {
    }

    static EscalationSms start(GatewayConfig config, RedisConnector redis, DispatchWiring dispatch, InstantSource clock)
            throws UnknownHostException {
        // without a configured sender the pipeline holds the SMS (visible) until credentials are set
        String sender = config.dispatch().senders().getOrDefault("twilio", "twilio");
        EscalationNotifier notifier = new EscalationNotifier(dispatch.store(), dispatch.queue(), dispatch.onCall(),
                "twilio", sender, EscalationSms.body(config.review().escalationAfter()), clock);
        EscalationSms sms = new EscalationSms(new RedisEscalationFeed(redis, RECLAIM_IDLE), notifier,
                InetAddress.getLocalHost().getHostName() + "-" + ProcessHandle.current().pid());
        sms.start();
        return sms;
    }
}
