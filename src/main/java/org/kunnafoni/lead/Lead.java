package org.kunnafoni.lead;

import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.priority.Priority;

import java.time.Instant;
import java.util.Set;

/**
 * One incident as monitors see it: every report clustered into it, summarised.
 *
 * @param region         admin-1 slug, null when no report named a known place
 * @param place          the first place a report named, null when none did
 * @param priority       the highest priority of its reports, with {@code score} ordering leads within a level
 * @param reportCount    reports attached (each stream entry counted once)
 * @param reporterCount  distinct reporter pseudonyms, the corroboration monitors look at
 * @param maxChildren    the largest number of children any report stated, null when none stated one
 */
public record Lead(String id, LeadStatus status, String region, String place, Category category,
                   Priority priority, int score, Instant firstSeen, Instant lastSeen, int reportCount,
                   int reporterCount, Set<Language> languages, Integer maxChildren) {
    public Lead {
        languages = Set.copyOf(languages);
    }
}
