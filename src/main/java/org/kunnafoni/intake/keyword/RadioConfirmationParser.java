package org.kunnafoni.intake.keyword;

import org.kunnafoni.intake.keyword.KeywordCommand.RadioConfirmation;
import org.kunnafoni.triage.TextNormalizer;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * "DIFF AB12" / "OK AB12" (aired) and "REPORT AB12 coupure de courant" (postponed). The code must hold a digit:
 * that is what tells "OK 7K2Q" from "ok merci", so broadcast codes are issued with at least one digit.
 */
final class RadioConfirmationParser {
    static final Pattern CODE = Pattern.compile("(?=[A-Za-z]*[0-9])[A-Za-z0-9]{4,8}");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[^\\p{L}\\p{N}]+|[^\\p{L}\\p{N}]+$");

    private final Map<String, RadioConfirmation.Kind> kinds = new HashMap<>();
    private final Set<String> firstWords = new HashSet<>();
    private final PhraseIndex<Object> fillers;

    RadioConfirmationParser(KeywordTable table, PhraseIndex<Object> fillers) {
        for (Keyword keyword : table.keywords()) {
            switch (keyword.action()) {
                case RADIO_AIRED -> kinds.put(keyword.folded(), RadioConfirmation.Kind.AIRED);
                case RADIO_POSTPONED -> kinds.put(keyword.folded(), RadioConfirmation.Kind.POSTPONED);
                default -> { }
            }
        }
        kinds.keySet().forEach(k -> firstWords.addAll(TextNormalizer.tokens(k).stream().limit(1).toList()));
        this.fillers = fillers;
    }

    /** False when no confirmation can start with this folded word, so most alerts skip {@link #parse}. */
    boolean mayStartWith(String foldedWord) {
        return firstWords.contains(foldedWord);
    }

    Optional<KeywordCommand> parse(String body) {
        String[] parts = body.strip().split("\\s+", 3);
        if (parts.length < 2) {
            return Optional.empty();
        }
        RadioConfirmation.Kind kind = kinds.get(TextNormalizer.fold(trimPunctuation(parts[0])));
        String code = trimPunctuation(parts[1]);
        if (kind == null || !CODE.matcher(code).matches()) {
            return Optional.empty();
        }
        String rest = parts.length == 3 ? parts[2].strip() : "";
        return switch (kind) {
            case AIRED -> onlyFillers(rest)
                    ? Optional.of(new RadioConfirmation(kind, code.toUpperCase(Locale.ROOT), Optional.empty()))
                    : Optional.empty();
            case POSTPONED -> Optional.of(new RadioConfirmation(kind, code.toUpperCase(Locale.ROOT),
                    Optional.of(rest).filter(r -> !trimPunctuation(r).isEmpty())));
        };
    }

    /** "OK AB12 merci" and "OK AB12 diffusé" are confirmations; "OK 12h30 des hommes armés" is not. */
    private boolean onlyFillers(String rest) {
        List<String> words = TextNormalizer.tokens(TextNormalizer.fold(rest));
        for (int at = 0; at < words.size(); ) {
            if (kinds.get(words.get(at)) == RadioConfirmation.Kind.AIRED) {
                at++;
                continue;
            }
            Optional<PhraseIndex.Match<Object>> filler = fillers.longestAt(words, at);
            if (filler.isEmpty()) {
                return false;
            }
            at += filler.get().length();
        }
        return true;
    }

    private static String trimPunctuation(String word) {
        return EDGE_PUNCTUATION.matcher(word).replaceAll("");
    }
}
