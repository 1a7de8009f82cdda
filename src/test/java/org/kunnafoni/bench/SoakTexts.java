package org.kunnafoni.bench;

import org.kunnafoni.support.Forms;
import org.kunnafoni.support.TwilioSigner;

import java.util.Map;

/**
 * Signed Twilio webhooks for the soak: a distinct MessageSid per alert (run tag + sequence), texts drawn from
 * templates in French, Bambara, English, Arabic and Fulfulde filled with places and counts (a few hundred distinct
 * texts, a few greetings and airtime requests among them, as real hotlines get), from {@link #SENDERS} numbers.
 * None starts with a keyword command, so every one takes the alert path: signature, pseudonym, encryption, XADD,
 * then triage and clustering.
 */
record SoakTexts(String authToken, String signedUrl, String runTag) {
    static final int SENDERS = 25_000;
    private static final String[] PLACES = {"Gao", "Ménaka", "Tombouctou", "Kidal", "Mopti", "Ségou", "Douentza",
            "Bandiagara", "Ansongo", "Niono", "Tessalit", "Bourem", "Diré", "Goundam", "Djenné", "Ténenkou",
            "Koro", "Bankass", "Léré", "Niafunké", "Anéfis", "Talataye", "Boni", "Hombori", "Sévaré", "Kayes",
            "Nioro", "Kita", "Sikasso", "Bougouni"};
    private static final String[] TEXTS = {
            "Des hommes armés sont entrés dans l'école de %s ce matin, les enfants ont fui.",
            "%2$d enfants ont été emmenés par des hommes armés près de %1$s hier soir.",
            "Une mine a blessé un enfant sur la route de %s, il faut l'aider vite.",
            "Des garçons de %s sont recrutés pour garder le poste de contrôle.",
            "Le convoi d'aide est bloqué à l'entrée de %s depuis %d jours, les enfants n'ont plus à manger.",
            "Une fille de %s a été enlevée par des inconnus au marché.",
            "Il y a un obus non explosé près du puits de %s où jouent les enfants.",
            "A %s une fille de %d ans est mariée de force à un combattant.",
            "L'école de %s est occupée par des militaires depuis %d jours.",
            "Le centre de santé de %s a été pillé, l'infirmier menacé.",
            "Cɛ marifatigiw ye denmisɛn %2$d minɛ %1$s kunun su fɛ.",
            "Kalanso min bɛ %s, marifatigiw y'a jeni.",
            "Mine dɔ ye denmisɛn dɔ bana %s sira kan.",
            "Sunguru dɔ minɛna %s sugu la.",
            "Armed men burned the health centre in %s last night.",
            "%2$d boys from %1$s were taken to the armed group camp.",
            "A child was killed by a landmine near %s this morning.",
            "رجال مسلحون خطفوا %2$d أطفال في %1$s",
            "انفجر لغم قرب مدرسة %s وأصيب طفل",
            "Worɓe njogiiɓe kaɓirɗe nangii sukaaɓe %2$d e %1$s.",
            "Bonjour, je veux du crédit pour appeler ma famille à %s.",
            "Merci pour les messages, à %s tout va bien.",
    };

    /** The signature and the form body of alert {@code sequence}. */
    Signed signed(long sequence) {
        Map<String, String> params = params(sequence);
        return new Signed(TwilioSigner.sign(authToken, signedUrl, params), Forms.encode(params));
    }

    record Signed(String signature, String body) {
    }

    /** The parameters Twilio sends for an inbound SMS (see GatewayFixture.twilioSms). */
    Map<String, String> params(long sequence) {
        return SignedBodies.inboundSms(String.format("SM%8s%024x", runTag, sequence).replace(' ', '0'), text(sequence),
                String.format("+2236%07d", Math.floorMod(sequence * 7_919L, SENDERS)));
    }

    /** Template × place × count, mixed by multiplying by primes so neighbours differ. */
    static String text(long sequence) {
        String template = TEXTS[(int) Math.floorMod(sequence * 31L, TEXTS.length)];
        String place = PLACES[(int) Math.floorMod(sequence * 17L / 3, PLACES.length)];
        return String.format(template, place, 2 + Math.floorMod(sequence, 5));
    }

    /** How many distinct texts the first {@code n} alerts carry (for the report). */
    static long distinctTexts(long n) {
        return java.util.stream.LongStream.range(0, n).mapToObj(SoakTexts::text).distinct().count();
    }
}
