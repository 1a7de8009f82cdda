package org.kunnafoni.radio;

import java.util.concurrent.CompletionStage;

/** Port to the outbound SMS pipeline: tells a station's numbers what to air, when, and the code to text back. */
public interface PartnerNotifier {
    CompletionStage<Void> notify(RadioPartner partner, RadioScript script, String text);

    /**
     * The reminder to confirm a broadcast. Sending it again for the same script must not send a second SMS (a
     * reminder round that stopped part-way is taken over and replayed).
     */
    CompletionStage<Void> remind(RadioPartner partner, RadioScript script, String text);

    /** The SMS for one broadcast: plain GSM-7 French, no script text (it may be long), just what to do. */
    static String text(RadioScript s) {
        String when = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy 'a' HH:mm")
                .format(s.airAt().atZone(AirTimes.BAMAKO));
        return "Kunnafoni radio: diffusion le " + when + " (" + s.slotLength().toMinutes() + " min), script "
                + s.id() + ". Apres diffusion envoyez DIFF " + s.code() + " (ou REPORT " + s.code() + " raison).";
    }
}
