package org.kunnafoni.intake.keyword;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.kunnafoni.triage.Language;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RepliesTest {
    private static final Replies REPLIES = Replies.loadDefault();

    /** Long but plausible values, so the length check holds for real use. */
    private static Map<String, Object> variables(ReplyKind kind) {
        Map<String, Object> all = Map.of("region", "Tombouctou", "language", "bamanankan", "hotline", "+223 80 00 00 00");
        Map<String, Object> out = new HashMap<>();
        kind.variables().forEach(v -> out.put(v, all.get(v)));
        return out;
    }

    static Stream<Arguments> everyTemplate() {
        return Arrays.stream(ReplyKind.values())
                .flatMap(kind -> REPLIES.languages(kind).stream().map(language -> Arguments.of(kind, language)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyTemplate")
    void everyTemplateRendersWithItsDeclaredVariablesAndFitsOneSms(ReplyKind kind, Language language) {
        String text = REPLIES.render(kind, language, variables(kind));
        assertThat(text).isNotBlank().doesNotContain("{{").doesNotContain("\n");
        if (Gsm7.isGsm7(text)) {
            assertThat(Gsm7.septets(text)).as(text).isLessThanOrEqualTo(160);
        } else {
            assertThat(text.length()).as("UCS-2 text, two segments at most: " + text).isLessThanOrEqualTo(134);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"OPTED_OUT", "OPTED_IN", "SUBSCRIBED", "HELP", "ALERT_RECEIVED", "UNKNOWN_SUBSCRIPTION"})
    void frenchEnglishAndBambaraExistForEveryKindAndAreGsm7(ReplyKind kind) {
        assertThat(REPLIES.languages(kind)).contains(Language.FRA, Language.ENG, Language.BAM);
        // Bambara is written in the older GSM-7 spelling (è for ɛ, ò for ɔ) so a reply stays one 160-character SMS.
        for (Language language : new Language[] {Language.FRA, Language.ENG, Language.BAM}) {
            String text = REPLIES.render(kind, language, variables(kind));
            assertThat(Gsm7.isGsm7(text)).as(text).isTrue();
        }
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "ALERT_RECEIVED|fra|Votre message est bien arrivé. Merci.",
            "ALERT_RECEIVED|eng|Your message has arrived. Thank you.",
            "ALERT_RECEIVED|ses|Votre message est bien arrivé. Merci.",
            "ALERT_RECEIVED|und|Votre message est bien arrivé. Merci.",
            "OPTED_OUT|taq|Désabonnement enregistré: vous ne recevrez plus nos messages. Pour revenir, envoyez ABONNER.",
    })
    void rendersAndFallsBackToFrench(ReplyKind kind, String language, String expected) {
        assertThat(REPLIES.render(kind, Language.fromCode(language).orElseThrow(), Map.of())).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}|{1} -> {2}")
    @CsvSource(delimiter = '|', value = {
            "Gao|bamanankan|Abonnement enregistré, région Gao, langue bamanankan. Pour vous désabonner: STOP.",
            "Gao|''|Abonnement enregistré, région Gao. Pour vous désabonner: STOP.",
            "''|peul|Abonnement enregistré, langue peul. Pour vous désabonner: STOP.",
    })
    void subscribedLeavesOutWhatWasNotChosen(String region, String language, String expected) {
        assertThat(REPLIES.render(ReplyKind.SUBSCRIBED, Language.FRA, Map.of("region", region, "language", language)))
                .isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({"HELP, fra", "HELP, bam", "SUBSCRIBED, eng", "SUBSCRIBED, ara"})
    void aMissingVariableIsAnError(ReplyKind kind, String language) {
        assertThatThrownBy(() -> REPLIES.render(kind, Language.fromCode(language).orElseThrow(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs variables");
    }

    @Test
    void variablesAreNotHtmlEscaped() {
        assertThat(REPLIES.render(ReplyKind.HELP, Language.ENG, Map.of("hotline", "<80 & 00>"))).endsWith("<80 & 00>");
    }

    @Test
    void aKindWithoutFrenchOrWithBrokenSyntaxIsRefused() {
        assertThatThrownBy(() -> Replies.of((kind, language) -> language == Language.ENG ? Optional.of("x") : Optional.empty()))
                .hasMessageContaining("opted_out/fra.txt is missing");
        assertThatThrownBy(() -> Replies.of((kind, language) -> Optional.of("{{#region}} open")))
                .hasMessageContaining("opted_out/fra.txt");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "STOP|OPTED_OUT", "START|OPTED_IN", "ABONNER GAO|SUBSCRIBED", "OUI BAM|SUBSCRIBED",
            "ABONNER XYZ|UNKNOWN_SUBSCRIPTION", "AIDE|HELP", "des hommes armés à l'école|ALERT_RECEIVED",
            "DIFF AB12|''",
    })
    void eachCommandCallsForOneReply(String body, String expected) {
        KeywordCommand command = new KeywordParser(KeywordTable.loadDefault()).parse(body);
        assertThat(ReplyKind.forCommand(command).map(Enum::name).orElse("")).isEqualTo(expected);
    }

    /** GSM 03.38: basic set 1 septet, extension set 2; anything else forces UCS-2. */
    static final class Gsm7 {
        private static final String BASIC = "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?"
                + "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
        private static final String EXTENSION = "^{}\\[~]|€\f";

        static boolean isGsm7(String text) {
            return text.chars().allMatch(c -> BASIC.indexOf(c) >= 0 || EXTENSION.indexOf(c) >= 0);
        }

        static int septets(String text) {
            return text.chars().map(c -> EXTENSION.indexOf(c) >= 0 ? 2 : 1).sum();
        }
    }
}
