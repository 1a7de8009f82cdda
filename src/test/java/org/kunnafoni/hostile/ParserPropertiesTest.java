package org.kunnafoni.hostile;

import org.junit.jupiter.api.Test;
import org.kunnafoni.audience.PhoneNumbers;
import org.kunnafoni.campaign.CampaignRequests;
import org.kunnafoni.channel.InboundMessage;
import org.kunnafoni.intake.keyword.KeywordCommand;
import org.kunnafoni.intake.keyword.KeywordParser;
import org.kunnafoni.intake.keyword.KeywordTable;
import org.kunnafoni.text.Gsm7Alphabet;
import org.kunnafoni.text.SegmentCount;
import org.kunnafoni.text.SegmentCounter;
import org.kunnafoni.text.SmsEncoding;
import org.kunnafoni.text.template.Rendered;
import org.kunnafoni.text.template.TemplateException;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.Language;

import java.text.Normalizer;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

/**
 * Properties of the pure parsers over a few hundred hostile inputs each, generated from fixed seeds so a failure
 * repeats exactly (the seed and the case index are in the message). Plain JUnit: see the hostile package's note
 * in docs/security-limits.md on why this does not use jqwik.
 */
class ParserPropertiesTest {
    private static final int TRIES = 400;

    @Test
    void keywordParserAnswersEveryInputTheSameWayTwice() {
        KeywordParser parser = new KeywordParser(KeywordTable.loadDefault());
        Hostile h = new Hostile(1);
        for (int i = 0; i < TRIES; i++) {
            String body = i % 10 == 0 ? h.pick(Hostile.PIECES) + " " + h.text() : h.text();
            KeywordCommand first = parser.parse(body);
            assertThat(first).as("case %d", i).isNotNull().isEqualTo(parser.parse(body));
        }
        assertThat(parser.parse("STOP")).isNotEqualTo(parser.parse("Alerte " + "STOP"));
    }

    @Test
    void phoneNormalisationIsE164AndIdempotent() {
        Hostile h = new Hostile(2);
        for (int i = 0; i < TRIES; i++) {
            String raw = switch (i % 4) {
                case 0 -> "+2237" + h.between(0, 9_999_999);
                case 1 -> h.pick(List.of("0", "00", "+", " ")) + h.ascii(h.between(0, 20));
                default -> h.text();
            };
            Optional<String> e164 = PhoneNumbers.toE164(raw, "ML");
            e164.ifPresent(n -> {
                assertThat(n).as("%s", raw).matches("\\+[1-9]\\d{1,14}");
                assertThat(PhoneNumbers.toE164(n, "ML")).contains(n);
            });
            assertThat(PhoneNumbers.identity(raw, "ML")).isNotNull();
        }
    }

    @Test
    void segmentCountIsConsistentWithTheAlphabet() {
        Hostile h = new Hostile(3);
        for (int i = 0; i < TRIES; i++) {
            String text = i % 5 == 0 ? h.ofLength(h.between(0, 2000)) : h.text();
            SegmentCount count = SegmentCounter.count(text);
            int single = count.encoding() == SmsEncoding.GSM7 ? 160 : 70;
            int multi = count.encoding() == SmsEncoding.GSM7 ? 153 : 67;
            assertThat(count.units()).as("case %d", i).isNotNegative();
            if (count.units() == 0) {
                continue;
            }
            if (count.units() <= single) {
                assertThat(count.segments()).as("case %d", i).isEqualTo(1);
            } else {
                // never fewer than the units need; more only because a grapheme or extension pair is never split
                assertThat(count.segments()).as("case %d", i).isBetween((count.units() + multi - 1) / multi,
                        count.units());
            }
            if (count.encoding() == SmsEncoding.GSM7) {
                // counted after NFC, as sent: a decomposed é is one GSM-7 character
                assertThat(Gsm7Alphabet.canEncode(Normalizer.normalize(text, Normalizer.Form.NFC)))
                        .as("case %d: %s", i, text).isTrue();
            }
        }
    }

    @Test
    void templatesRenderHostileVariablesVerbatimOrRefuseThem() {
        TemplateLibrary templates = TemplateLibrary.loadDefault();
        Hostile h = new Hostile(4);
        for (int i = 0; i < TRIES; i++) {
            String hotline = h.text();
            Map<String, Object> variables = new LinkedHashMap<>();
            variables.put("hotline", hotline);
            variables.put("organisation", h.text());
            if (i % 7 == 0) {
                variables.put(h.text(), h.text());
            }
            try {
                Rendered r = templates.render("awareness", "child_recruitment", Language.FRA, variables);
                // a variable is data, never template syntax: "{{x}}" or "<script>" come out as given
                assertThat(r.text()).as("case %d", i).contains(Normalizer.normalize(hotline.strip(), Normalizer.Form.NFC));
                assertThat(r.cost().segments()).isPositive();
            } catch (TemplateException refused) {
                assertThat(refused.getMessage()).isNotBlank();
            }
        }
    }

    @Test
    void campaignRequestsAreValidOrListTheirProblemsNeverThrow() {
        TemplateLibrary templates = TemplateLibrary.loadDefault();
        Hostile h = new Hostile(5);
        List<String> fields = List.of("topic", "regions", "languages", "schedule", "variables", "validity",
                "transliterate", "texts");
        for (int i = 0; i < TRIES; i++) {
            Map<String, Object> body = new io.vertx.core.json.JsonObject(h.jsonObject(fields)).getMap();
            assertThatCode(() -> {
                CampaignRequests.Parsed parsed = CampaignRequests.parse(body, templates, Set.of("gao", "mopti"),
                        Instant.parse("2026-11-30T08:00:00Z"), Duration.ofHours(24));
                if (parsed instanceof CampaignRequests.Parsed.Invalid invalid) {
                    assertThat(invalid.errors()).isNotEmpty();
                }
            }).as("case %d: %s", i, body).doesNotThrowAnyException();
        }
    }

    @Test
    void inboundMessagesKeepTheirTextWhateverItIs() {
        Hostile h = new Hostile(6);
        for (int i = 0; i < TRIES; i++) {
            String body = h.text();
            InboundMessage m = new InboundMessage("twilio", InboundMessage.Kind.SMS, h.text(), h.text(), null, body,
                    Instant.EPOCH, null);
            assertThat(m.body()).isSameAs(body);
            assertThat(m.to()).isEmpty();
        }
    }
}
