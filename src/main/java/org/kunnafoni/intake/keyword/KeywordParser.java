package org.kunnafoni.intake.keyword;

import org.kunnafoni.intake.keyword.Keyword.Action;
import org.kunnafoni.intake.keyword.KeywordCommand.Help;
import org.kunnafoni.intake.keyword.KeywordCommand.NotACommand;
import org.kunnafoni.intake.keyword.KeywordCommand.OptIn;
import org.kunnafoni.intake.keyword.KeywordCommand.OptOut;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.TextNormalizer;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Decides whether an SMS body is a keyword command. A keyword counts only when it is the whole message, give or
 * take case, accents, punctuation and filler words ("STOP!", "stop svp", "Je veux m'abonner à Gao en bambara"):
 * a message that merely contains a keyword ("stop the attacks at the school") is an alert. When in doubt the
 * answer is {@link NotACommand}, because a command mistaken for an alert costs a monitor a glance, while an alert
 * mistaken for a command is lost.
 */
public final class KeywordParser {
    /** Longer messages are sentences, not commands, whatever word they start with. */
    static final int MAX_WORDS = 10;

    private final PhraseIndex<Keyword> keywords = new PhraseIndex<>();
    private final PhraseIndex<Object> fillers = new PhraseIndex<>();
    private final List<Keyword> symbols = new ArrayList<>();
    private final SubscriptionArguments arguments;
    private final RadioConfirmationParser radio;

    public KeywordParser(KeywordTable table) {
        table.fillers().forEach(f -> fillers.put(TextNormalizer.tokens(f), Boolean.TRUE));
        for (Keyword keyword : table.keywords()) {
            if (keyword.symbol()) {
                symbols.add(keyword);
            } else if (!isRadio(keyword)) {
                keywords.put(keyword.words(), keyword);
            }
        }
        this.arguments = new SubscriptionArguments(table, fillers);
        this.radio = new RadioConfirmationParser(table, fillers);
    }

    public KeywordCommand parse(String body) {
        if (body == null || body.isBlank()) {
            return new NotACommand();
        }
        String first = firstWord(body);
        if (!first.isEmpty() && !mayBeWordCommand(first, body)) {
            // Only a radio confirmation ("REPORT AB12 <any reason>") can still be a command.
            return radio.mayStartWith(first) ? radio.parse(body).orElseGet(NotACommand::new) : new NotACommand();
        }
        String folded = TextNormalizer.fold(body);
        Optional<KeywordCommand> command = symbol(folded).or(() -> radio.parse(body)).or(() -> words(folded));
        return command.orElseGet(NotACommand::new);
    }

    /**
     * A cheap screen, because almost every message is an alert: a word command has at most {@link #MAX_WORDS}
     * words and starts with a keyword or a filler. Whitespace-separated chunks holding a letter or digit never
     * outnumber the words of the folded text, so the screen never rejects what {@link #words} would accept.
     */
    private boolean mayBeWordCommand(String first, String body) {
        return (keywords.mayStartWith(first) || fillers.mayStartWith(first)) && wordChunks(body) <= MAX_WORDS;
    }

    /** The first folded word, found without folding the whole text; empty when there is no letter or digit. */
    private static String firstWord(String body) {
        int start = 0;
        while (start < body.length() && !Character.isLetterOrDigit(body.codePointAt(start))) {
            start += Character.charCount(body.codePointAt(start));
        }
        int end = start;
        while (end < body.length() && !isSpace(body.codePointAt(end))) {
            end += Character.charCount(body.codePointAt(end));
        }
        List<String> words = TextNormalizer.tokens(TextNormalizer.fold(body.substring(start, end)));
        return words.isEmpty() ? "" : words.get(0);
    }

    /** Whitespace-separated chunks that hold a letter or digit, counted up to one past the limit. */
    private static int wordChunks(String body) {
        int chunks = 0;
        boolean counted = false;
        for (int i = 0; i < body.length() && chunks <= MAX_WORDS; ) {
            int cp = body.codePointAt(i);
            if (isSpace(cp)) {
                counted = false;
            } else if (!counted && Character.isLetterOrDigit(cp)) {
                chunks++;
                counted = true;
            }
            i += Character.charCount(cp);
        }
        return chunks;
    }

    private static boolean isSpace(int cp) {
        return Character.isWhitespace(cp) || Character.isSpaceChar(cp);
    }

    private Optional<KeywordCommand> symbol(String folded) {
        String compact = folded.replaceAll("\\s+", "");
        return symbols.stream()
                .filter(s -> !compact.isEmpty() && compact.replace(s.folded(), "").isEmpty())
                .findFirst()
                .flatMap(s -> withoutArguments(s, List.of()));
    }

    private Optional<KeywordCommand> words(String folded) {
        List<String> words = TextNormalizer.tokens(folded);
        if (words.isEmpty() || words.size() > MAX_WORDS) {
            return Optional.empty();
        }
        for (int at = 0; at < words.size(); ) {
            Optional<PhraseIndex.Match<Keyword>> keyword = keywords.longestAt(words, at);
            if (keyword.isPresent()) {
                List<String> rest = words.subList(at + keyword.get().length(), words.size());
                return command(keyword.get().value(), rest);
            }
            // Fillers may come first ("svp stop", "je veux m'abonner"), anything else means a sentence.
            Optional<Integer> filler = arguments.fillerLengthAt(words, at);
            if (filler.isEmpty()) {
                return Optional.empty();
            }
            at += filler.get();
        }
        return Optional.empty();
    }

    private Optional<KeywordCommand> command(Keyword keyword, List<String> rest) {
        return switch (keyword.action()) {
            case OPT_OUT, HELP -> withoutArguments(keyword, rest);
            case OPT_IN, YES -> optIn(keyword, rest);
            case RADIO_AIRED, RADIO_POSTPONED -> Optional.empty();
        };
    }

    /** Opt-out and help take no arguments; fillers and repeats ("STOP STOP STOP") are tolerated. */
    private Optional<KeywordCommand> withoutArguments(Keyword keyword, List<String> rest) {
        for (int at = 0; at < rest.size(); ) {
            int from = at;
            Optional<Integer> length = keywords.longestAt(rest, from)
                    .filter(m -> m.value().action() == keyword.action())
                    .map(PhraseIndex.Match::length)
                    .or(() -> arguments.fillerLengthAt(rest, from));
            if (length.isEmpty()) {
                return Optional.empty();
            }
            at += length.get();
        }
        return Optional.of(keyword.action() == Action.OPT_OUT
                ? new OptOut(keyword.folded(), keyword.language())
                : new Help(keyword.folded(), keyword.language()));
    }

    private Optional<KeywordCommand> optIn(Keyword keyword, List<String> rest) {
        SubscriptionArguments.Parsed parsed = arguments.parse(rest);
        int tolerated = keyword.action() == Action.OPT_IN ? 1 : 0;
        if (parsed.unrecognised().size() > tolerated) {
            return Optional.empty();
        }
        // Whoever names a language wants the answer in it; otherwise answer in the keyword's language.
        Language reply = parsed.language().orElse(keyword.language());
        return Optional.of(new OptIn(keyword.folded(), parsed.region(), parsed.language(), reply, parsed.unrecognised()));
    }

    private static boolean isRadio(Keyword keyword) {
        return keyword.action() == Action.RADIO_AIRED || keyword.action() == Action.RADIO_POSTPONED;
    }
}
