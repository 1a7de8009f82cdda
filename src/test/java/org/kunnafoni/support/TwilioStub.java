package org.kunnafoni.support;

import com.github.tomakehurst.wiremock.WireMockServer;

import java.util.HashMap;
import java.util.Map;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * WireMock standing in for the Twilio REST API in end-to-end tests: it accepts every message with 201, and
 * {@link #gatewayEnv} points a {@link GatewayFixture} at it with an account and a sender.
 */
public final class TwilioStub implements AutoCloseable {
    public static final String ACCOUNT = "AC0123456789abcdef0123456789abcdef";
    public static final String MESSAGES = "/2010-04-01/Accounts/" + ACCOUNT + "/Messages.json";

    private final WireMockServer server = new WireMockServer(options().dynamicPort());

    /** Started, answering every send with a queued message whose sid is {@code sid}. */
    public static TwilioStub accepting(String sid) {
        TwilioStub stub = new TwilioStub();
        stub.server.start();
        stub.server.stubFor(post(urlEqualTo(MESSAGES)).willReturn(aResponse().withStatus(201)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sid\":\"" + sid + "\",\"status\":\"queued\",\"num_segments\":\"1\","
                        + "\"account_sid\":\"" + ACCOUNT + "\",\"to\":\"+22376000001\",\"body\":\"x\"}")));
        return stub;
    }

    public WireMockServer server() {
        return server;
    }

    /** Gateway settings that send through this stub (sender id KUNNAFONI), plus {@code extra}. */
    public Map<String, String> gatewayEnv(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(extra);
        env.put("KUNNAFONI_TWILIO_ACCOUNT_SID", ACCOUNT);
        env.put("KUNNAFONI_TWILIO_FROM", "KUNNAFONI");
        env.put("KUNNAFONI_TWILIO_API_BASE_URL", "http://127.0.0.1:" + server.port());
        return env;
    }

    @Override
    public void close() {
        server.stop();
    }
}
