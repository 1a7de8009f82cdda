package org.kunnafoni.text.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kunnafoni.text.SmsEncoding;
import org.kunnafoni.triage.Language;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** The templates in message-templates/ pass the check, from disk, from the class path and from a jar. */
class ShippedTemplatesTest {
    private static final Path FOLDER = Path.of("message-templates");
    private static final List<String> TOPICS = List.of("how_to_report", "child_recruitment", "mines_explosive_remnants",
            "schools_safe_places", "help_after_sexual_violence", "child_marriage");
    private static final Map<String, Object> VALUES = Map.of("hotline", "+223 70 00 00 00", "organisation", "Kunnafoni");

    @Test
    void passTheCheckFromDisk() {
        TemplateLibrary library = TemplateLibrary.load(FOLDER);
        assertThat(new TemplateChecker().check(library)).isEmpty();
        assertThat(library.topics("awareness")).extracting(TopicSpec::topic).containsAll(TOPICS);
    }

    @Test
    void passTheCheckFromTheClassPath() {
        TemplateLibrary library = TemplateLibrary.loadFromClasspath(getClass().getClassLoader());
        assertThat(library.source()).isEqualTo("classpath:/message-templates/");
        assertThat(new TemplateChecker().check(library)).isEmpty();
        assertThat(library.all()).hasSameSizeAs(TemplateLibrary.load(FOLDER).all());
    }

    @Test
    void loadFromAJarThatCannotBeListed(@TempDir Path dir) throws IOException {
        Path jar = jarOf(FOLDER, dir.resolve("templates.jar"));
        try (URLClassLoader loader = new URLClassLoader(new URL[]{jar.toUri().toURL()}, null)) {
            TemplateLibrary fromJar = TemplateLibrary.loadFromClasspath(loader);
            assertThat(new TemplateChecker().check(fromJar)).isEmpty();
            assertThat(fromJar.all()).containsExactlyInAnyOrderElementsOf(TemplateLibrary.load(FOLDER).all());
        }
    }

    @ParameterizedTest
    @EnumSource(Language.class)
    void everyTopicIsSendableInEveryLanguage(Language language) {
        TemplateLibrary library = TemplateLibrary.load(FOLDER);
        for (String topic : TOPICS) {
            Rendered rendered = library.render("awareness", topic, language, VALUES);
            assertThat(rendered.text()).contains("+223 70 00 00 00").contains("STOP").doesNotContain("{{");
            if (rendered.id().language() == Language.FRA || rendered.id().language() == Language.ENG) {
                assertThat(rendered.cost().encoding()).isEqualTo(SmsEncoding.GSM7);
                assertThat(rendered.cost().segments()).isBetween(1, 2);
            }
        }
    }

    @Test
    void bambaraIsSentInBambaraWithinThreeUcs2Segments() {
        TemplateLibrary library = TemplateLibrary.load(FOLDER);
        for (String topic : TOPICS) {
            Rendered rendered = library.render("awareness", topic, Language.BAM, VALUES);
            assertThat(rendered.id().language()).as(topic).isEqualTo(Language.BAM);
            assertThat(rendered.fallbackUsed()).isFalse();
            assertThat(rendered.cost().encoding()).isEqualTo(SmsEncoding.UCS2);
            assertThat(rendered.cost().segments()).isBetween(1, 3);
            // where the French says "no name", so does the Bambara ("no name in it" / "do not write the name")
            if (library.find("awareness", topic, Language.FRA).orElseThrow().body().contains(" nom")) {
                assertThat(rendered.text()).as(topic).containsPattern("tɔgɔ (t'a la|sɛbɛn)");
            }
        }
    }

    @Test
    void everyRadioTopicHasAnApprovedBambaraScript() {
        TemplateLibrary library = TemplateLibrary.load(FOLDER);
        for (String topic : TOPICS) {
            assertThat(library.find("radio", topic, Language.BAM)).as(topic)
                    .hasValueSatisfying(t -> assertThat(t.id().language()).isEqualTo(Language.BAM));
        }
    }

    @Test
    void frenchTextsNameBothStopWords() {
        TemplateLibrary library = TemplateLibrary.load(FOLDER);
        for (String topic : TOPICS) {
            assertThat(library.find("awareness", topic, Language.FRA).orElseThrow().body()).contains("STOP ou ARRET");
        }
    }

    private static Path jarOf(Path folder, Path jar) throws IOException {
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
             Stream<Path> files = Files.walk(folder)) {
            for (Path path : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry("message-templates/" + folder.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        return jar;
    }
}
