package org.kunnafoni.triage.violation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ViolationLexiconTest {
    private static InputStream yaml(String text) {
        return new ByteArrayInputStream(text.replace('~', '\n').getBytes(StandardCharsets.UTF_8));
    }

    private static ViolationLexicon parse(String fra) {
        return ViolationLexicon.parse(Map.of(Language.FRA, yaml(fra)));
    }

    /** Each broken file (~ stands for a line break) and a piece of the message that must name the problem. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "categories: {kidnapping: {terms: {enleve: 3}}}|fra.yaml: categories.kidnapping: unknown category",
            "categories: {abduction: {terms: {enleve: trois}}}|categories.abduction.terms.enleve: weight must be a number, got 'trois'",
            "categories: {abduction: {terms: {enleve: -1}}}|weight must be above 0",
            "categories: {abduction: {terms: {ont pris: 3}}}|a term is one word; put 'ont pris' under phrases",
            "categories: {abduction: {words: {enleve: 3}}}|categories.abduction.words: unknown key",
            "categoris: {}|fra.yaml: categoris: unknown key",
            "language: bam|language: says 'bam' but the file is for fra",
            "child_terms: enfant|child_terms: expected a list",
            "child_terms: [\"e*\"]|a starred prefix needs at least 3 letters",
            "negation_window: deux|negation_window: must be a whole number",
            "contexts: [{terms: [greve], cancels: [strike]}]|contexts[0].cancels: unknown category 'strike'",
            "contexts: [{terms: [greve]}]|contexts[0].cancels: expected a non-empty list",
            "categories: {abduction: {combos: [{any: [\"@nobody\"], with: [x], weight: 2}]}}|unknown group '@nobody'",
            "categories: {abduction: {combos: [{any: [pris], weight: 2}]}}|a combo needs both 'any' and 'with'",
            "categories: {abduction: {terms: {enleve: 3, enleve: 4}}}|not readable YAML",
            "categories: {abduction: [enleve]|not readable YAML",
            "- just a list|expected a mapping at the top level",
            "categories: {abduction: {combos: [{any: [a1], with: [b1], weight: 2, ordered: yes please}]}}|ordered: must be true or false",
    })
    void badFilesAreRejectedWithAClearMessage(String file, String expected) {
        assertThatThrownBy(() -> parse(file))
                .isInstanceOf(LexiconException.class)
                .hasMessageContaining(expected);
    }

    @Test
    void everyProblemIsListedAtOnce() {
        assertThatThrownBy(() -> parse("categories: {kidnapping: {}, abduction: {terms: {enleve: x}}}~foo: 1"))
                .isInstanceOfSatisfying(LexiconException.class, e -> assertThat(e.problems()).hasSize(3));
    }

    @Test
    void aSmallLexiconClassifies() {
        ViolationLexicon lexicon = parse("""
                groups: {children: [enfant*]}
                child_terms: ["@children"]
                negations: [pas]
                categories:
                  abduction: {terms: {"enlev*": 3}, phrases: {"ont pris les enfants": 4}}
                """);
        ViolationClassifier classifier = new ViolationClassifier(lexicon);
        assertThat(classifier.classify("Ils ont enlevé 2 enfants", Language.FRA).category())
                .isEqualTo(Category.ABDUCTION);
        assertThat(classifier.classify("pas d'enfants enlevés", Language.FRA).category())
                .isEqualTo(Category.NOT_RELEVANT);
    }

    @Test
    void theShippedLexiconsLoad() {
        assertThat(ViolationLexicon.loadDefault()).isNotNull();
    }
}
