package org.kunnafoni.bench;

import org.kunnafoni.support.Forms;
import org.kunnafoni.support.TwilioSigner;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes pre-signed Twilio webhook bodies for wrk, one file per wrk thread ({@code <prefix>-<n>.txt}, lines
 * {@code signature TAB form-body}), because wrk's Lua has no HMAC. Every line carries a distinct MessageSid
 * (run tag + sequence number), so a run never sends a provider duplicate. The texts are plausible alerts of
 * varied length (never a keyword command, which would take another path) from varied numbers, so the
 * gateway does its real per-message work: signature, form decoding, pseudonym, encryption, XADD.
 */
record SignedBodies(String authToken, String signedUrl, String runTag) {
    private static final String[] PLACES = {"Gao", "Ménaka", "Tombouctou", "Kidal", "Mopti", "Ségou", "Douentza",
            "Bandiagara", "Ansongo", "Niono", "Tessalit", "Bourem"};
    private static final String[] TEXTS = {
            "Des hommes armés sont entrés dans l'école de %s ce matin, les enfants ont fui.",
            "%2$d enfants ont été emmenés par des hommes armés près de %1$s hier soir.",
            "Une mine a blessé un enfant sur la route de %s, il faut l'aider vite.",
            "Des garçons de %s sont recrutés pour garder le poste de contrôle.",
            "Le convoi d'aide est bloqué à l'entrée de %s depuis %d jours, les enfants n'ont plus à manger.",
            "Une fille de %s a été enlevée par des inconnus au marché.",
            "Armed men burned the health centre in %s last night.",
            "Il y a un obus non explosé près du puits de %s où jouent les enfants.",
    };

    /** Writes {@code count} lines round-robin into {@code files} files; returns their paths. */
    List<Path> write(Path prefix, int files, long firstSequence, long count) throws IOException {
        List<Path> paths = new ArrayList<>(files);
        List<BufferedWriter> writers = new ArrayList<>(files);
        try {
            for (int n = 1; n <= files; n++) {
                Path path = Path.of(prefix + "-" + n + ".txt");
                paths.add(path);
                writers.add(Files.newBufferedWriter(path, StandardCharsets.UTF_8));
            }
            for (long i = 0; i < count; i++) {
                BufferedWriter out = writers.get((int) (i % files));
                out.write(line(firstSequence + i));
                out.write('\n');
            }
        } finally {
            for (BufferedWriter writer : writers) {
                writer.close();
            }
        }
        return paths;
    }

    String line(long sequence) {
        Map<String, String> params = params(sequence);
        return TwilioSigner.sign(authToken, signedUrl, params) + "\t" + Forms.encode(params);
    }

    /** The parameters Twilio sends for an inbound SMS (see GatewayFixture.twilioSms). */
    Map<String, String> params(long sequence) {
        return inboundSms(String.format("SM%8s%024x", runTag, sequence).replace(' ', '0'), text(sequence),
                String.format("+2237%07d", Math.floorMod(sequence * 7_919L, 10_000_000L)));
    }

    /** Every form field Twilio posts for one inbound SMS, in its order (the signature covers them all). */
    static Map<String, String> inboundSms(String sid, String body, String from) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("ToCountry", "ML");
        params.put("SmsMessageSid", sid);
        params.put("NumMedia", "0");
        params.put("SmsSid", sid);
        params.put("SmsStatus", "received");
        params.put("Body", body);
        params.put("To", "+22320000000");
        params.put("NumSegments", "1");
        params.put("MessageSid", sid);
        params.put("AccountSid", "AC00000000000000000000000000000000");
        params.put("From", from);
        params.put("FromCountry", "ML");
        params.put("ApiVersion", "2010-04-01");
        return params;
    }

    private static String text(long sequence) {
        String template = TEXTS[(int) (sequence % TEXTS.length)];
        String place = PLACES[(int) ((sequence / TEXTS.length) % PLACES.length)];
        return String.format(template, place, 2 + sequence % 5);
    }
}
