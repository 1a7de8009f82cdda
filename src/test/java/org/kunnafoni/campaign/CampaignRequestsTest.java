package org.kunnafoni.campaign;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.Language;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Campaign requests: every problem named at once, with the shipped templates and a folder with a lone draft. */
class CampaignRequestsTest {
    private static final Instant NOON = Instant.parse("2026-11-30T12:00:00Z");
    private static final Set<String> REGIONS = Set.of("gao", "mopti", "kidal", "bamako");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String OK = "\"topic\":\"how_to_report\",\"variables\":{\"hotline\":\"36000\","
            + "\"organisation\":\"Kunnafoni\"},\"regions\":[\"gao\",\"mopti\"],\"languages\":[\"bam\",\"fra\"]";
    static TemplateLibrary shipped;

    @TempDir
    static Path folder;
    static TemplateLibrary drafts;

    @BeforeAll
    static void load() throws Exception {
        shipped = TemplateLibrary.loadDefault();
        Files.createDirectories(folder.resolve("awareness/lone"));
        Files.writeString(folder.resolve("awareness/topics.yaml"), """
                variables:
                  hotline: {sample: "36000", max-length: 16}
                defaults:
                  variables: [hotline]
                  fallbacks: {}
                topics:
                  lone:
                """);
        Files.writeString(folder.resolve("awareness/lone/fra.txt"), "---\nstatus: approved\n---\nEcrivez au {{hotline}}. STOP\n");
        Files.writeString(folder.resolve("awareness/lone/bam.txt"), "---\nstatus: draft\n---\nA ci {{hotline}} ma. STOP\n");
        drafts = TemplateLibrary.load(folder);
    }

    private static CampaignRequests.Parsed parse(TemplateLibrary library, String json) throws Exception {
        Map<String, Object> body = JSON.readValue(json, Map.class);
        return CampaignRequests.parse(body, library, REGIONS, NOON, Duration.ofHours(24));
    }

    @Test
    void aCompleteRequestIsRead() throws Exception {
        CampaignRequests.Parsed parsed = parse(shipped, "{" + OK + ",\"schedule\":{\"cron\":\"0 9 * * MON\","
                + "\"until\":\"2027-03-01T00:00:00Z\"},\"validity\":\"6h\",\"transliterate\":true}");
        assertThat(parsed).isInstanceOf(CampaignRequests.Parsed.Valid.class);
        CampaignRequest request = ((CampaignRequests.Parsed.Valid) parsed).request();
        assertThat(request.regions()).containsExactly("gao", "mopti");
        assertThat(request.languages()).containsExactly(Language.BAM, Language.FRA);
        assertThat(request.schedule()).isEqualTo(new Schedule.Recurring("0 9 * * MON",
                Optional.of(Instant.parse("2027-03-01T00:00:00Z"))));
        assertThat(request.validity()).isEqualTo(Duration.ofHours(6));
        assertThat(request.transliterate()).isTrue();
    }

    @Test
    void noScheduleMeansNowAndNoValidityTheDefault() throws Exception {
        CampaignRequest request = ((CampaignRequests.Parsed.Valid) parse(shipped, "{" + OK + "}")).request();
        assertThat(request.schedule()).isEqualTo(new Schedule.OneOff(NOON));
        assertThat(request.validity()).isEqualTo(Duration.ofHours(24));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{\"topic\":\"nope\",\"regions\":[\"gao\"],\"languages\":[\"fra\"]}| unknown topic 'nope'",
            "{\"regions\":[\"gao\"],\"languages\":[\"fra\"]}                  | topic is required",
            "{\"topic\":\"how_to_report\",\"variables\":{\"hotline\":\"36000\"},\"regions\":[\"gao\"],\"languages\":[\"fra\"]} | organisation is missing",
            "{\"topic\":\"child_recruitment\",\"regions\":[\"gao\"],\"languages\":[\"fra\"]} | hotline is missing",
            "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"+223 20 20 20 20 20 20\"},\"regions\":[\"gao\"],\"languages\":[\"fra\"]} | more than its max-length 16",
            "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\",\"hotine\":\"1\"},\"regions\":[\"gao\"],\"languages\":[\"fra\"]} | variable 'hotine' is not used",
            "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},\"regions\":[\"atlantis\"],\"languages\":[\"fra\"]} | unknown region 'atlantis'",
            "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},\"regions\":[],\"languages\":[\"fra\"]} | regions must be a non-empty list",
            "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},\"regions\":[\"gao\"],\"languages\":[\"klingon\"]} | unknown language 'klingon'",
            "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},\"regions\":[\"gao\"],\"languages\":[\"und\"]} | unknown language 'und'",
            "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},\"regions\":[\"gao\"],\"languages\":[\"fra\"],\"schedule\":{\"at\":\"2026-11-30T11:59:00Z\"}} | is in the past",
            "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},\"regions\":[\"gao\"],\"languages\":[\"fra\"],\"schedule\":{\"at\":\"tomorrow\"}} | schedule.at must be an ISO-8601",
            "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},\"regions\":[\"gao\"],\"languages\":[\"fra\"],\"schedule\":{\"cron\":\"0 9 * *\"}} | is not a five-field cron rule",
            "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},\"regions\":[\"gao\"],\"languages\":[\"fra\"],\"schedule\":{\"cron\":\"*/5 * * * *\"}} | at least an hour",
            "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},\"regions\":[\"gao\"],\"languages\":[\"fra\"],\"schedule\":{\"cron\":\"0 9 * * *\",\"until\":\"2026-11-01T00:00:00Z\"}} | no run after now",
            "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},\"regions\":[\"gao\"],\"languages\":[\"fra\"],\"schedule\":{\"at\":\"2026-12-01T09:00:00Z\",\"cron\":\"0 9 * * *\"}} | schedule must be",
            "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},\"regions\":[\"gao\"],\"languages\":[\"fra\"],\"validity\":\"5m\"} | validity must be",
            "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},\"regions\":[\"gao\"],\"languages\":[\"fra\"],\"validity\":\"30d\"} | validity must be",
            "{\"topic\":\"child_recruitment\",\"variables\":{\"hotline\":\"36000\"},\"regions\":[\"gao\"],\"languages\":[\"fra\"],\"transliterate\":\"yes\"} | transliterate must be",
    })
    void problemsAreNamed(String json, String expected) throws Exception {
        CampaignRequests.Parsed parsed = parse(shipped, json);
        assertThat(parsed).isInstanceOf(CampaignRequests.Parsed.Invalid.class);
        assertThat(((CampaignRequests.Parsed.Invalid) parsed).errors()).anySatisfy(e -> assertThat(e).contains(expected));
    }

    @Test
    void everyProblemIsListedAtOnce() throws Exception {
        List<String> errors = ((CampaignRequests.Parsed.Invalid) parse(shipped,
                "{\"topic\":\"child_recruitment\",\"regions\":[\"atlantis\"],\"languages\":[\"fra\",\"xx\"],"
                        + "\"schedule\":{\"cron\":\"nope\"}}")).errors();
        assertThat(errors).hasSize(4);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "bam | only a draft template and no approved fallback",
            "ses | no template and no approved fallback",
    })
    void aLanguageWithoutAnApprovedTextIsRefused(String language, String expected) throws Exception {
        CampaignRequests.Parsed parsed = parse(drafts, "{\"topic\":\"lone\",\"variables\":{\"hotline\":\"36000\"},"
                + "\"regions\":[\"gao\"],\"languages\":[\"fra\",\"" + language + "\"]}");
        assertThat(((CampaignRequests.Parsed.Invalid) parsed).errors())
                .singleElement().satisfies(e -> assertThat(e).startsWith(language + ": ").contains(expected));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({"90m, PT1H30M", "24h, PT24H", "2d, PT48H", "PT6H, PT6H", "soon, -"})
    void validityDurations(String text, String expected) {
        assertThat(CampaignRequests.duration(text).map(Duration::toString))
                .isEqualTo("-".equals(expected) ? Optional.empty() : Optional.of(expected));
    }
}
