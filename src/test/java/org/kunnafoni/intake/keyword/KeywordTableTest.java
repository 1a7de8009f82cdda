package org.kunnafoni.intake.keyword;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Language;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KeywordTableTest {
    /** A small valid file; each error case replaces one line of it. */
    private static final String VALID = String.join("\n",
            "opt_out: {fra: [stop, arrêt]}",
            "opt_in: {fra: [abonner]}",
            "yes_words: {fra: [oui]}",
            "help: {fra: [aide, '?']}",
            "radio_aired: [diff]",
            "radio_postponed: [report]",
            "fillers: [svp]",
            "regions: {gao: [], segou: [ségou, segu]}",
            "languages: {bam: [bambara]}",
            "");

    private static KeywordTable parse(String yaml) {
        return KeywordTable.parse(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void validFileIsFoldedAndSlugsAndCodesAreNames() {
        KeywordTable table = parse(VALID);
        assertThat(table.keywords()).contains(new Keyword("arret", Keyword.Action.OPT_OUT, Language.FRA),
                new Keyword("?", Keyword.Action.HELP, Language.FRA));
        assertThat(table.regionNames()).containsEntry("segou", "segou").containsEntry("segu", "segou").containsKey("gao");
        assertThat(table.languageNames()).containsEntry("bam", Language.BAM).containsEntry("bambara", Language.BAM);
    }

    @Test
    void shippedFileLoads() {
        KeywordTable table = KeywordTable.loadDefault();
        assertThat(new java.util.HashSet<>(table.regionNames().values())).containsExactlyInAnyOrder("kayes", "koulikoro", "sikasso", "segou", "mopti", "tombouctou", "gao", "kidal",
                        "taoudenit", "menaka", "bamako");
        assertThat(table.languageNames().values()).contains(Language.FRA, Language.BAM, Language.SES, Language.FFM,
                Language.TAQ, Language.ARA, Language.ENG).doesNotContain(Language.UND);
    }

    /** {@code line} rows replace the section of the same name in VALID (or add it); {@code file} rows are the whole file. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "not yaml|file|'opt_out: [unclosed'|not valid YAML",
            "a list document|file|'- stop'|the document must be a mapping",
            "empty document|file|''|the document must be a mapping",
            "unknown section|line|'optout: {fra: [stop]}'|unknown section 'optout'",
            "empty section|line|'help: '|section 'help' must be a mapping",
            "unknown language|line|'opt_out: {xx: [stop]}'|opt_out.xx: unknown language code 'xx'",
            "und is no reply language|line|'opt_out: {und: [stop]}'|unknown language code 'und'",
            "entries not a list|line|'opt_out: {fra: stop}'|opt_out.fra: expected a list of words",
            "unquoted boolean|line|'yes_words: {eng: [yes]}'|'true' is not text",
            "empty entry|line|'opt_out: {fra: [stop, \"\"]}'|opt_out.fra: empty entry",
            "keyword twice|line|'help: {fra: [stop]}'|help.fra: 'stop' is already listed under opt_out.fra",
            "same word two languages|line|'help: {fra: [aide], eng: [aide]}'|help.eng: 'aide' is already listed under help.fra",
            "filler clashes with keyword|line|'fillers: [arret]'|fillers: 'arret' is already listed under opt_out.fra",
            "region clashes with language|line|'regions: {bambara: []}'|languages.bam: 'bambara' is already listed under regions.bambara",
            "bad slug|line|'regions: {Gao-Nord: []}'|a region slug is lower-case letters a-z only",
            "two-word radio keyword|line|'radio_aired: [\"bien diffuse\"]'|must be a single word",
            "radio not a list|line|'radio_aired: diff'|section 'radio_aired' must be a list",
    })
    void badFilesAreRejectedWithAClearMessage(String name, String mode, String yaml, String expectedMessage) {
        String file = mode.equals("file") ? yaml : withSection(yaml);
        assertThatThrownBy(() -> parse(file))
                .isInstanceOf(KeywordTableException.class)
                .hasMessageContaining(expectedMessage);
    }

    @Test
    void everyProblemIsListedAtOnce() {
        String yaml = VALID.replace("opt_out: {fra: [stop, arrêt]}", "opt_out: {xx: [stop]}")
                .replace("radio_aired: [diff]", "radio_aired: [\"a b\"]");
        assertThatThrownBy(() -> parse(yaml))
                .isInstanceOfSatisfying(KeywordTableException.class, e -> assertThat(e.problems()).hasSize(2))
                .hasMessageStartingWith("keywords.yaml has 2 problem(s)");
    }

    private static String withSection(String line) {
        String section = line.substring(0, line.indexOf(':') + 1);
        StringBuilder out = new StringBuilder();
        for (String existing : VALID.split("\n")) {
            out.append(existing.startsWith(section) ? line : existing).append('\n');
        }
        return out.toString().contains(line) ? out.toString() : out + line + "\n";
    }
}
