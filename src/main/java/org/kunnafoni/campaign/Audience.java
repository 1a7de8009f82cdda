package org.kunnafoni.campaign;

import org.kunnafoni.triage.Language;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Port to the active subscribers of a region and language. Pages are read one after another so a campaign for a
 * million people never holds them in memory; a page may repeat members of an earlier one (fan-out is idempotent).
 */
public interface Audience {
    CompletionStage<Map<Cell, Long>> count(List<Cell> cells);

    /** Up to about {@code size} pseudonyms after {@code cursor} (empty for the first page). */
    CompletionStage<Page> page(Cell cell, Optional<String> cursor, int size);

    /** One region × language audience. */
    record Cell(String region, Language language) {
        public Cell {
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(language, "language");
        }

        public static List<Cell> of(List<String> regions, List<Language> languages) {
            return regions.stream().flatMap(r -> languages.stream().map(l -> new Cell(r, l))).toList();
        }
    }

    /** @param next empty when the audience has been read to the end */
    record Page(List<String> pseudonyms, Optional<String> next) {
        public Page {
            pseudonyms = List.copyOf(pseudonyms);
        }
    }
}
