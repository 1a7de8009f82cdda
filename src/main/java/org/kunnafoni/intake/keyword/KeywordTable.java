package org.kunnafoni.intake.keyword;

import org.kunnafoni.triage.Language;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The keyword vocabulary, all in folded form ({@code TextNormalizer.fold}): command keywords, the region and
 * language names a subscription may name, and filler words ("svp", "merci") that may surround a command.
 * It is data ({@code config/keywords.yaml}) so a language can be added without code changes.
 */
public record KeywordTable(List<Keyword> keywords, Map<String, String> regionNames,
                           Map<String, Language> languageNames, Set<String> fillers) {
    static final String DEFAULT_RESOURCE = "/config/keywords.yaml";

    public KeywordTable {
        keywords = List.copyOf(keywords);
        regionNames = Map.copyOf(regionNames);
        languageNames = Map.copyOf(languageNames);
        fillers = Set.copyOf(fillers);
    }

    /** The table shipped in the jar at {@code /config/keywords.yaml}. */
    public static KeywordTable loadDefault() {
        try (InputStream in = KeywordTable.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new KeywordTableException(DEFAULT_RESOURCE, List.of("not found on the class path"));
            }
            return new KeywordTableLoader(DEFAULT_RESOURCE).load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + DEFAULT_RESOURCE, e);
        }
    }

    /** Reads a keyword file; throws {@link KeywordTableException} listing every problem when it is not usable. */
    public static KeywordTable parse(InputStream yaml) {
        return new KeywordTableLoader("keywords.yaml").load(yaml);
    }
}
