package org.kunnafoni.triage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guards the shape of the evaluation corpus (see CORPUS.md) so that a bad edit fails here rather than skewing
 * the figures of the classifier evaluation. It checks format and balance only, never what a classifier says.
 */
class CorpusFormatTest {
    private static final String RESOURCE = "/triage/corpus.jsonl";
    private static final Set<String> FIELDS = Set.of("id", "text", "language", "category", "region", "place", "priority");
    private static final Set<String> REGIONS = Set.of(
            "kayes", "koulikoro", "sikasso", "segou", "mopti", "tombouctou", "gao", "kidal", "taoudenit", "menaka", "bamako");
    private static final Set<String> PRIORITIES = Set.of("urgent", "high", "normal", "low");
    private static final Pattern ID = Pattern.compile("c\\d{4}");
    // A reporter's number must never end up in test data: Malian numbers have 8 digits, optionally after +223.
    private static final Pattern PHONE = Pattern.compile("(\\+?223[ .]?)?\\b\\d{2}[ .]?\\d{2}[ .]?\\d{2}[ .]?\\d{2}\\b");

    private static List<JsonNode> rows;

    record Line(int number, String raw) {}

    @BeforeAll
    static void load() throws IOException {
        ObjectMapper mapper = new ObjectMapper();
        rows = new ArrayList<>();
        for (Line line : lines()) {
            JsonNode node = mapper.readTree(line.raw());
            assertThat(node.isObject()).as("line %d is a JSON object", line.number()).isTrue();
            rows.add(node);
        }
    }

    private static List<Line> lines() throws IOException {
        List<Line> lines = new ArrayList<>();
        try (InputStream in = CorpusFormatTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE + " on the test classpath").isNotNull();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String raw;
            int number = 0;
            while ((raw = reader.readLine()) != null) {
                number++;
                if (!raw.isBlank()) {
                    lines.add(new Line(number, raw));
                }
            }
        }
        return lines;
    }

    private static String text(JsonNode row, String field) {
        JsonNode value = row.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static long count(Predicate<JsonNode> wanted) {
        return rows.stream().filter(wanted).count();
    }

    @Test
    void everyRowHasExactlyTheDocumentedFields() {
        for (JsonNode row : rows) {
            List<String> names = new ArrayList<>();
            row.fieldNames().forEachRemaining(names::add);
            assertThat(names).as("fields of %s", row).containsExactlyInAnyOrderElementsOf(FIELDS);
            assertThat(text(row, "text")).as("text of %s", row).isNotBlank();
        }
    }

    @Test
    void idsAreWellFormedAndUnique() {
        List<String> ids = rows.stream().map(r -> text(r, "id")).toList();
        assertThat(ids).allMatch(id -> id != null && ID.matcher(id).matches());
        assertThat(ids).doesNotHaveDuplicates();
    }

    @Test
    void textsAreUnique() {
        assertThat(rows.stream().map(r -> text(r, "text")).toList()).doesNotHaveDuplicates();
    }

    @Test
    void labelsUseOnlyTheSharedIdentifiers() {
        for (JsonNode row : rows) {
            String language = text(row, "language");
            String category = text(row, "category");
            assertThat(Language.fromCode(language)).as("language of %s", row).isPresent();
            assertThat(Language.fromCode(language).get().code()).isEqualTo(language);
            assertThat(Category.fromId(category)).as("category of %s", row).isPresent();
            assertThat(Category.fromId(category).get().id()).isEqualTo(category);
            assertThat(text(row, "priority")).as("priority of %s", row).isIn(PRIORITIES);
            String region = text(row, "region");
            assertThat(region == null || REGIONS.contains(region)).as("region of %s", row).isTrue();
        }
    }

    @Test
    void placeAndRegionAreBothGivenOrBothNull() {
        for (JsonNode row : rows) {
            boolean hasRegion = text(row, "region") != null;
            boolean hasPlace = text(row, "place") != null;
            assertThat(hasPlace).as("place vs region in %s", row).isEqualTo(hasRegion);
            if (hasPlace) {
                assertThat(text(row, "place")).isNotBlank();
            }
        }
    }

    @Test
    void notRelevantIsAlwaysLowAndOnlyNotRelevantIsLow() {
        for (JsonNode row : rows) {
            boolean notRelevant = "not_relevant".equals(text(row, "category"));
            boolean low = "low".equals(text(row, "priority"));
            assertThat(low).as("priority of %s", row).isEqualTo(notRelevant);
        }
    }

    @Test
    void noPhoneNumbersInTexts() {
        assertThat(rows).noneMatch(r -> PHONE.matcher(text(r, "text")).find());
    }

    @Test
    void atLeast440Messages() {
        assertThat(rows).hasSizeGreaterThanOrEqualTo(440);
    }

    @ParameterizedTest
    @CsvSource({
            "killing_maiming,            35",
            "recruitment_use,            35",
            "sexual_violence,            35",
            "abduction,                  35",
            "attack_school_hospital,     35",
            "denial_humanitarian_access, 35",
            "other_child_protection,     35",
            "not_relevant,               50",
    })
    void categoryHasItsMinimum(String category, int minimum) {
        assertThat(count(r -> category.equals(text(r, "category")))).isGreaterThanOrEqualTo(minimum);
    }

    @ParameterizedTest
    @CsvSource({
            // language, lowest share %, highest share %  (target mix: fra 40, bam 30, eng 15, the rest 15)
            "fra, 35, 45",
            "bam, 25, 35",
            "eng, 12, 18",
            "ara,  1, 15",
            "ffm,  1, 15",
            "ses,  0.5, 15",
            "taq,  0.5, 15",
            "und,  0.1, 3",
    })
    void languageShareIsInRange(String language, double lowestPercent, double highestPercent) {
        double share = 100.0 * count(r -> language.equals(text(r, "language"))) / rows.size();
        assertThat(share).isBetween(lowestPercent, highestPercent);
    }

    @ParameterizedTest
    @CsvSource({"kayes", "koulikoro", "sikasso", "segou", "mopti", "tombouctou", "gao", "kidal", "taoudenit",
            "menaka", "bamako"})
    void everyRegionIsRepresented(String region) {
        assertThat(count(r -> region.equals(text(r, "region")))).isGreaterThanOrEqualTo(5);
    }

    @ParameterizedTest
    @CsvSource({
            // what, lowest share %, highest share %
            "no place,  10, 25",
            "urgent,    15, 25",
    })
    void shareIsInRange(String what, double lowestPercent, double highestPercent) {
        Predicate<JsonNode> wanted = switch (what) {
            case "no place" -> r -> text(r, "region") == null;
            case "urgent" -> r -> "urgent".equals(text(r, "priority"));
            default -> throw new IllegalArgumentException(what);
        };
        double share = 100.0 * count(wanted) / rows.size();
        assertThat(share).isBetween(lowestPercent, highestPercent);
    }
}
