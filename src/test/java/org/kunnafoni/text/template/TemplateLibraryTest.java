package org.kunnafoni.text.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.kunnafoni.text.SmsEncoding;
import org.kunnafoni.triage.Language;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TemplateLibraryTest {
    private static final Map<String, Object> VALUES = Map.of("hotline", "70 00 00 00", "region", "Gao");

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} is sent as {1}")
    @CsvSource({
            "fra, fra, false",   // its own approved text
            "bam, bam, false",
            "ses, bam, true",    // ses → bam
            "eng, ,",            // no text, no fallback: nothing to send
            "und, ,",
    })
    void findFollowsDeclaredFallbacks(String asked, String sent, Boolean fallback) {
        TemplateLibrary library = TemplateFolder.valid(dir).load();
        Language language = Language.fromCode(asked).orElseThrow();
        assertThat(library.find("awareness", "greet", language).map(t -> t.id().language().code()))
                .isEqualTo(java.util.Optional.ofNullable(sent));
        assertThat(library.isSendable("awareness", "greet", language)).isEqualTo(sent != null);
        if (sent != null) {
            Rendered rendered = library.render("awareness", "greet", language, VALUES);
            assertThat(rendered.id().language().code()).isEqualTo(sent);
            assertThat(rendered.fallbackUsed()).isEqualTo(fallback);
        }
    }

    @ParameterizedTest(name = "ses asked, bam {0}: sent as {1}")
    @CsvSource({"approved, bam", "draft, fra"})
    void aDraftIsSkippedAlongTheChain(String bamStatus, String sent) {
        TemplateLibrary library = TemplateFolder.valid(dir).file("greet/bam", bamStatus, "Cikan ci {{hotline}} ma. STOP.")
                .load();
        assertThat(library.render("awareness", "greet", Language.SES, VALUES).id().language().code()).isEqualTo(sent);
    }

    @Test
    void aDraftIsNeverSentButCanBePreviewed() {
        TemplateLibrary library = TemplateFolder.valid(dir).file("greet/fra", "draft", "Brouillon {{hotline}} STOP")
                .file("greet/bam", "draft", "Cikan {{hotline}} STOP").load();
        TemplateId fra = new TemplateId("awareness", "greet", Language.FRA);
        assertThat(library.get(fra)).hasValueSatisfying(t -> assertThat(t.sendable()).isFalse());
        assertThat(library.find("awareness", "greet", Language.FRA)).isEmpty();
        assertThatThrownBy(() -> library.render("awareness", "greet", Language.BAM, VALUES))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("no approved template for awareness/greet/bam").hasMessageContaining("[bam, fra]");
        assertThat(library.preview(fra, VALUES).text()).isEqualTo("Brouillon 70 00 00 00 STOP");
    }

    @Test
    void aFileWithoutHeaderIsADraft() {
        TemplateLibrary library = TemplateFolder.valid(dir).write("awareness/greet/fra.txt", "Ecrivez au {{hotline}}. STOP")
                .load();
        assertThat(library.get(new TemplateId("awareness", "greet", Language.FRA)).orElseThrow().status())
                .isEqualTo(TemplateStatus.DRAFT);
        assertThat(library.problems()).extracting(TemplateProblem::message).anyMatch(m -> m.startsWith("no header"));
    }

    static Stream<Arguments> badValues() {
        return Stream.of(
                arguments(values("region", "Gao"), "awareness/greet/fra: hotline is missing"),
                arguments(values("hotline", null, "region", "Gao"), "hotline is missing"),
                arguments(values("hotline", "  ", "region", "Gao"), "hotline is blank"),
                arguments(values("hotline", "+223 20 20 20 20 0", "region", "Gao"),
                        "hotline is 18 characters, more than its max-length 16"),
                arguments(values("hotline", "1"), "region is missing"),
                arguments(values(), "hotline is missing; region is missing"));
    }

    @ParameterizedTest
    @MethodSource("badValues")
    void renderingIsStrict(Map<String, Object> values, String message) {
        TemplateLibrary library = TemplateFolder.valid(dir).load();
        assertThatThrownBy(() -> library.render("awareness", "greet", Language.FRA, values))
                .isInstanceOf(TemplateException.class).hasMessageContaining(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Gao | Ecrivez au 70 00 00 00 (Gao). STOP: fin.",
            "''  | Ecrivez au 70 00 00 00. STOP: fin.",        // an empty section variable hides its section
    })
    void sectionVariablesMayBeEmpty(String region, String expected) {
        Rendered rendered = TemplateFolder.valid(dir).load()
                .render("awareness", "greet", Language.FRA, values("hotline", "70 00 00 00", "region", region));
        assertThat(rendered.text()).isEqualTo(expected);
        assertThat(rendered.cost().encoding()).isEqualTo(SmsEncoding.GSM7);
        assertThat(rendered.cost().units()).isEqualTo(expected.length());
    }

    @Test
    void unknownTopicsAndKindsFindNothing() {
        TemplateLibrary library = TemplateFolder.valid(dir).load();
        assertThat(library.find("awareness", "nope", Language.FRA)).isEmpty();
        assertThat(library.find("replies", "greet", Language.FRA)).isEmpty();
        assertThatThrownBy(() -> library.render("awareness", "nope", Language.FRA, VALUES))
                .hasMessageContaining("unknown topic");
    }

    private static Map<String, Object> values(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
