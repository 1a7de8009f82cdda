package org.kunnafoni.text.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Path;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class TemplateCheckerTest {
    private static final String FRA = "awareness/greet/fra";
    private static final String BAM = "awareness/greet/bam";
    private static final String INDEX = "awareness/topics.yaml";

    @TempDir
    Path dir;

    @Test
    void theValidFolderPasses() {
        CheckReport report = new TemplateChecker().report(TemplateFolder.valid(dir).load());
        assertThat(report.problems()).isEmpty();
        assertThat(report.rows()).extracting(r -> r.id() + " " + r.status() + " " + r.sentAs().orElseThrow().code())
                .containsExactly(FRA + " approved fra", BAM + " approved bam");
    }

    static Stream<Arguments> broken() {
        return Stream.of(
                arguments("unknown status", change(f -> f.file("greet/fra", "final", "Au {{hotline}}. STOP")),
                        FRA, "status must be draft or approved, not 'final'"),
                arguments("no header", change(f -> f.write(FRA + ".txt", "Au {{hotline}}. STOP")), FRA, "no header"),
                arguments("unknown header line", change(f -> f.write(FRA + ".txt",
                        "---\nstatus: approved\nfallback: bam\n---\nAu {{hotline}}. STOP")), FRA, "unknown header line"),
                arguments("mustache syntax", change(f -> f.file("greet/fra", "approved", "{{#region}}Au {{hotline}} STOP")),
                        FRA, "does not parse"),
                arguments("partial", change(f -> f.file("greet/fra", "approved", "{{> footer}} {{hotline}} STOP")),
                        FRA, "partials"),
                arguments("undeclared variable", change(f -> f.file("greet/fra", "approved", "{{organisation}} {{hotline}} STOP")),
                        FRA, "uses {{organisation}}, which topic greet does not declare"),
                arguments("no hotline", change(f -> f.file("greet/fra", "approved", "Ecrivez-nous. STOP")),
                        FRA, "does not use {{hotline}}"),
                arguments("no STOP", change(f -> f.file("greet/fra", "approved", "Au {{hotline}}.")),
                        FRA, "does not contain 'STOP'"),
                arguments("empty text", change(f -> f.file("greet/fra", "approved", "")), FRA, "the text is empty"),
                arguments("UCS-2 in a GSM-7 language", change(f -> f.file("greet/fra", "approved", "Fenêtre {{hotline}} STOP")),
                        FRA, "must be GSM-7 but is UCS-2: 'ê'"),
                arguments("too many GSM-7 segments", change(f -> f.file("greet/fra", "approved",
                        "a".repeat(140) + " {{hotline}} STOP")), FRA, "takes 2 gsm7 segments (162 units"),
                arguments("too many UCS-2 segments", change(f -> f.file("greet/bam", "approved",
                        "ɛ".repeat(120) + " {{hotline}} STOP")), BAM, "takes 3 ucs2 segments"),
                arguments("required language only in draft", change(f -> f.file("greet/fra", "draft", "Au {{hotline}}. STOP")),
                        FRA, "required language without an approved text"),
                arguments("required language missing, no fallback",
                        change(f -> f.index(TemplateFolder.INDEX.replace("bam: fra, ", "")).delete(BAM + ".txt")),
                        BAM, "no declared fallback reaches one (chain bam)"),
                arguments("misspelt language file", change(f -> f.write("awareness/greet/fr.txt", "x")),
                        "awareness/greet/fr.txt", "'fr' is not a language code"),
                arguments("topic not in the index", change(f -> f.file("other/fra", "approved", "x")),
                        "awareness/other/fra.txt", "topic other is not listed"),
                arguments("templates without an index", change(f -> f.delete(INDEX).write("radio/news/fra.txt", "x")),
                        "radio/news/fra.txt", "radio/topics.yaml is missing"),
                arguments("unknown index key", change(f -> f.index(TemplateFolder.INDEX.replace("max-segments", "max-segment"))),
                        INDEX, "unknown key 'max-segment'"),
                arguments("unknown language in the index", change(f -> f.index(TemplateFolder.INDEX.replace("[fra, bam]", "[fra, bm]"))),
                        INDEX, "unknown language code 'bm'"),
                arguments("undeclared catalogue variable", change(f -> f.index(TemplateFolder.INDEX.replace("[hotline, region]", "[hotline, town]"))),
                        INDEX, "variable 'town' is not in the 'variables' catalogue"),
                arguments("sample longer than max-length", change(f -> f.index(TemplateFolder.INDEX.replace("max-length: 10", "max-length: 2"))),
                        INDEX, "variable region needs a sample and a max-length"),
                arguments("fallback loop", change(f -> f.index(TemplateFolder.INDEX.replace("{bam: fra, ses: bam}", "{bam: ses, ses: bam}"))),
                        INDEX, "fallbacks loop from bam bam → ses"),
                arguments("topic without files", change(f -> f.index(TemplateFolder.INDEX + "  quiet:\n")),
                        "awareness/quiet", "listed in topics.yaml but has no template file"),
                arguments("not YAML", change(f -> f.index("topics: [a\n")), INDEX, "not valid YAML"),
                arguments("no index anywhere", change(f -> f.delete(INDEX)), dirName(), "no topics.yaml for any kind"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void findsTheProblem(String name, Consumer<TemplateFolder> change, String where, String message) {
        TemplateFolder folder = TemplateFolder.valid(dir);
        change.accept(folder);
        String expectedWhere = where.equals(dirName()) ? dir.toAbsolutePath().normalize().toString() : where;
        assertThat(new TemplateChecker().check(folder.load()))
                .anySatisfy(p -> {
                    assertThat(p.where()).isEqualTo(expectedWhere);
                    assertThat(p.message()).contains(message);
                });
    }

    private static Consumer<TemplateFolder> change(Consumer<TemplateFolder> change) {
        return change;
    }

    private static String dirName() {
        return "<the folder>";
    }
}
