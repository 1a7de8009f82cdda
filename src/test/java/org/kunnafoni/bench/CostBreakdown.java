package org.kunnafoni.bench;

import com.twilio.security.RequestValidator;
import org.kunnafoni.audience.PhoneNumbers;
import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.intake.keyword.KeywordParser;
import org.kunnafoni.intake.keyword.KeywordTable;
import org.kunnafoni.support.TwilioSigner;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToIntFunction;

/**
 * CPU microseconds per message of the domain steps the gateway runs on its event loop for each Twilio alert,
 * measured one at a time in this JVM with thread CPU time (so other load on the machine barely moves them).
 * Compared with the gateway's CPU per request under load, it shows how much is our per-message work and how
 * much is HTTP, routing, the Redis round trip and thread hand-offs.
 */
final class CostBreakdown {
    private static final int WARMUP = 30_000;
    private static final int MEASURED = 100_000;
    private static final String URL = "http://127.0.0.1:8080" + IngestBench.TWILIO_PATH;
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    private CostBreakdown() {
    }

    /** Step name → CPU µs per call, in the order the gateway runs them. */
    static Map<String, Double> measure() {
        SignedBodies bodies = new SignedBodies(TOKEN, URL, "0b0b0b0b");
        List<Map<String, String>> params = new ArrayList<>();
        List<String> signatures = new ArrayList<>();
        for (int i = 0; i < 4096; i++) {
            Map<String, String> p = bodies.params(i);
            params.add(p);
            signatures.add(TwilioSigner.sign(TOKEN, URL, p));
        }
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        PhoneProtector phones = new PhoneProtector(key);
        KeywordParser keywords = new KeywordParser(KeywordTable.loadDefault());
        RequestValidator validator = new RequestValidator(TOKEN);
        List<String> identities = params.stream().map(p -> PhoneNumbers.identity(p.get("From"), "ML")).toList();

        Map<String, Double> perCall = new LinkedHashMap<>();
        perCall.put("twilio_signature_validate", time(i -> validator.validate(URL, params.get(i),
                signatures.get(i)) ? 1 : 0));
        perCall.put("keyword_parse", time(i -> keywords.parse(params.get(i).get("Body")).hashCode()));
        perCall.put("phone_to_e164", time(i -> PhoneNumbers.identity(params.get(i).get("From"), "ML").length()));
        perCall.put("pseudonym_hmac_sha256", time(i -> phones.pseudonym(identities.get(i)).length()));
        perCall.put("phone_encrypt_aes_gcm", time(i -> phones.encrypt(identities.get(i)).length()));
        perCall.put("total", perCall.values().stream().mapToDouble(Double::doubleValue).sum());
        perCall.replaceAll((step, micros) -> Math.round(micros * 100.0) / 100.0);
        return perCall;
    }

    private static double time(ToIntFunction<Integer> step) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sink = 0;
        for (int i = 0; i < WARMUP; i++) {
            sink += step.applyAsInt(i & 4095);
        }
        long start = threads.getCurrentThreadCpuTime();
        for (int i = 0; i < MEASURED; i++) {
            sink += step.applyAsInt(i & 4095);
        }
        long cpu = threads.getCurrentThreadCpuTime() - start;
        if (sink == Long.MIN_VALUE) {
            System.out.println("unreachable; keeps the results live");
        }
        return cpu / 1000.0 / MEASURED;
    }

    public static void main(String[] args) {
        measure().forEach((step, micros) -> System.out.printf("%-28s %8.2f us%n", step, micros));
    }
}
