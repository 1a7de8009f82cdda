package org.kunnafoni.store.cluster;

import io.lettuce.core.cluster.SlotHash;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.kunnafoni.store.RedisKeys;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Redis Cluster refuses a script whose KEYS are not all in one slot. For every Lua script, the KEYS its caller
 * passes (built here with the same {@link RedisKeys} calls, for several regions, ids and devices) hash to one slot.
 */
class ScriptSlotTest {
    private static final List<String> REGIONS = Arrays.asList("gao", "mopti", "kidal", "bamako", null);
    private static final List<String> IDS = List.of("1764388800000-0", "1764388800123-7", "r-42", "abc");

    /** Every script, and the key lists its callers pass, for each sample input. */
    static Stream<Arguments> scripts() {
        List<Arguments> rows = new ArrayList<>();
        for (String id : IDS) {
            rows.add(row("intake_append_batch.lua", RedisKeys.INTAKE_STREAM, RedisKeys.intakeSeen("twilio", id),
                    RedisKeys.intakeSenders(2_940_000L), RedisKeys.intakeSeen("relay", id + "b"),
                    RedisKeys.intakeSenders(2_940_001L)));
            rows.add(row("intake_dead_letter.lua", RedisKeys.INTAKE_STREAM, RedisKeys.INTAKE_DEAD_LETTERS,
                    RedisKeys.INTAKE_DEAD_LETTER_COUNT));
            rows.add(row("consent_apply.lua", RedisKeys.subscriber(id), RedisKeys.subscriberHistory(id),
                    RedisKeys.subscriberSeen(id, "twilio", "SM" + id)));
            rows.add(row("campaign_claim.lua", RedisKeys.CAMPAIGNS_DUE, RedisKeys.CAMPAIGNS_CLAIMED));
            rows.add(row("radio_reminder_claim.lua", RedisKeys.RADIO_REMINDERS_DUE, RedisKeys.RADIO_REMINDERS_CLAIMED));
            rows.add(row("campaign_status.lua", RedisKeys.campaign(id)));
            for (String one : List.of("dispatch_create.lua", "dispatch_claim.lua", "dispatch_reschedule.lua",
                    "dispatch_advance.lua", "dispatch_cancel.lua")) {
                rows.add(row(one, RedisKeys.dispatch(id)));
            }
            rows.add(row("dispatch_enqueue_all.lua", RedisKeys.DISPATCH_STREAM));
            rows.add(row("dispatch_enqueue_planned.lua", RedisKeys.DISPATCH_STREAM));
            rows.add(row("dispatch_open.lua", RedisKeys.dispatch(id)));
            rows.add(row("campaign_plan_page.lua", RedisKeys.campaignRunRecipients(id), RedisKeys.campaignRunProgress(id)));
            rows.add(row("campaign_plan_save.lua", RedisKeys.campaignRunPlan(id)));
            rows.add(row("request_limit_gcra.lua", RedisKeys.requestLimit("api", "203.0.113." + id.length())));
            rows.add(row("dispatch_promote.lua", RedisKeys.DISPATCH_DELAYED, RedisKeys.DISPATCH_STREAM));
            rows.add(row("ratelimit_gcra.lua", RedisKeys.rateLimit(id)));
            rows.add(row("relay_put.lua", RedisKeys.relayOutbox(id), RedisKeys.relayMessages(id),
                    RedisKeys.relayAwaiting(id)));
            rows.add(row("relay_lease.lua", RedisKeys.relayOutbox(id), RedisKeys.relayMessages(id),
                    RedisKeys.relayHandouts(id)));
            rows.add(row("relay_confirm.lua", RedisKeys.relayOutbox(id), RedisKeys.relayMessages(id),
                    RedisKeys.relayHandouts(id), RedisKeys.relayAwaiting(id)));
            for (String region : REGIONS) {
                leadRows(rows, region, id);
            }
        }
        return rows.stream();
    }

    /** As RedisLeadStore, RedisLeadReview and RedisLeadMoves build them. */
    private static void leadRows(List<Arguments> rows, String region, String entry) {
        String lead = RedisKeys.leadId(region, entry);
        String attached = RedisKeys.leadId(region, "1700000000000-0");
        String split = lead + "-s1764388800000";
        rows.add(row("lead_candidates.lua", RedisKeys.leadOpenIndex(region, "abduction"),
                RedisKeys.leadReport(region, entry), RedisKeys.leadReport(region, "1700000000000-0")));
        rows.add(row("lead_attach_or_open.lua", RedisKeys.leadReport(region, entry),
                RedisKeys.leadOpenIndex(region, "abduction"), RedisKeys.lead(attached),
                RedisKeys.leadReports(attached), RedisKeys.leadReporters(attached), RedisKeys.leadTerms(attached),
                RedisKeys.lead(lead), RedisKeys.leadReports(lead), RedisKeys.leadReporters(lead),
                RedisKeys.leadTerms(lead)));
        rows.add(row("lead_review_change.lua", RedisKeys.lead(lead), RedisKeys.leadHistory(lead),
                RedisKeys.leadOpenIndex(RedisKeys.regionOf(lead), "abduction")));
        rows.add(row("lead_merge_in.lua", RedisKeys.lead(lead), RedisKeys.leadReports(lead),
                RedisKeys.leadReporters(lead), RedisKeys.leadHistory(lead), RedisKeys.leadForeignReports(lead),
                RedisKeys.leadOpenIndex(region, "recruitment_use")));
        rows.add(row("lead_split_new.lua", RedisKeys.lead(split), RedisKeys.leadReports(split),
                RedisKeys.leadReporters(split), RedisKeys.leadTerms(split), RedisKeys.leadHistory(split),
                RedisKeys.leadOpenIndex(region, "abduction"), RedisKeys.leadReport(region, entry)));
        rows.add(row("lead_split_out.lua", RedisKeys.lead(lead), RedisKeys.leadReports(lead),
                RedisKeys.leadReporters(lead), RedisKeys.leadHistory(lead), RedisKeys.leadForeignReports(lead)));
    }

    private static Arguments row(String script, String... keys) {
        return Arguments.of(script, List.of(keys));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("scripts")
    void everyKeyOfOneCallIsInOneSlot(String script, List<String> keys) {
        Set<Integer> slots = keys.stream().map(SlotHash::getSlot).collect(Collectors.toSet());
        assertThat(slots).as(script + " " + keys).hasSize(1);
    }

    /**
     * lead_candidates reads the candidate leads it finds in the index, whose ids it cannot know beforehand: it
     * builds their keys from a prefix and suffix taken from RedisKeys, which must stay in the index's slot.
     */
    @Test
    void theLeadKeysCandidatesBuildInsideTheScriptShareTheIndexSlot() {
        for (String region : REGIONS) {
            int index = SlotHash.getSlot(RedisKeys.leadOpenIndex(region, "abduction"));
            for (String entry : IDS) {
                String lead = RedisKeys.leadId(region, entry);
                assertThat(SlotHash.getSlot(RedisKeys.lead(lead))).isEqualTo(index);
                assertThat(SlotHash.getSlot(RedisKeys.leadTerms(lead))).isEqualTo(index);
            }
        }
    }

    @Test
    void everyScriptHasARow() throws IOException {
        Set<String> covered = scripts().map(a -> (String) a.get()[0]).collect(Collectors.toSet());
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/redis"))) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".lua")))
                    .allMatch(covered::contains, "has a row in ScriptSlotTest");
        }
    }

    @Test
    void differentRegionsUseDifferentSlots() {
        Set<Integer> slots = REGIONS.stream().map(r -> SlotHash.getSlot(RedisKeys.leadTag(r)))
                .collect(Collectors.toSet());
        assertThat(slots).as("leads of each region can live on a different master").hasSize(REGIONS.size());
    }
}
