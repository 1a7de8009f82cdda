package org.kunnafoni.triage.violation;

import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** The evaluation of one message against the lexicon; used once, by one thread. */
final class Scoring {
    /** Below this, no category is believed and the message is not_relevant. */
    static final double THRESHOLD = 2.0;
    /** The identified language's lexicon counts a little more, without ignoring code-switched words. */
    static final double OWN_LANGUAGE_FACTOR = 1.2;
    static final int MAX_CHILD_AGE = 17;
    static final int CHILD_NEGATION_WINDOW = 1;
    /** Categories that are about a victim; without a child they are adult-only incidents (not_relevant). */
    private static final Set<Category> NEEDS_CHILD = EnumSet.of(Category.KILLING_MAIMING,
            Category.RECRUITMENT_USE, Category.SEXUAL_VIOLENCE, Category.ABDUCTION, Category.OTHER_CHILD_PROTECTION);

    private final ViolationLexicon lexicon;
    private final MatchTokens tokens;
    private final Language language;
    private final List<PhraseIndex.Match> evidence = new ArrayList<>();
    private final List<PhraseIndex.Match> children = new ArrayList<>();
    private final List<PhraseIndex.Match> negators = new ArrayList<>();
    private final List<PhraseIndex.Match> breaks = new ArrayList<>();
    private final List<PhraseIndex.Match> contextTerms = new ArrayList<>();
    private final List<PhraseIndex.Match> ageUnits = new ArrayList<>();
    private final Map<String, List<PhraseIndex.Match>> groupMembers = new HashMap<>();
    private final Map<Category, Double> scores = new EnumMap<>(Category.class);
    private final Set<String> reasons = new java.util.LinkedHashSet<>();
    // Long messages check the same match against many combos: remember each answer.
    private final Map<PhraseIndex.Match, Boolean> negatedMemo = new java.util.IdentityHashMap<>();
    private final Map<PhraseIndex.Match, Set<Category>> cancelledMemo = new java.util.IdentityHashMap<>();
    private final Map<PhraseIndex.Match, Set<Category>> keptMemo = new java.util.IdentityHashMap<>();

    Scoring(ViolationLexicon lexicon, MatchTokens tokens, Language language) {
        this.lexicon = lexicon;
        this.tokens = tokens;
        this.language = language;
    }

    ViolationResult run() {
        lexicon.scan(tokens).forEach(this::sort);
        scoreEvidence();
        scoreCombos();
        boolean child = childMentioned();
        if (!child) {
            dropVictimCategories();
        }
        absorbAbduction();
        return decide();
    }

    private void sort(PhraseIndex.Match m) {
        Cue cue = m.cue();
        if (cue instanceof Cue.GroupMember member) {
            groupMembers.computeIfAbsent(member.group(), g -> new ArrayList<>()).add(m);
            return;
        }
        List<PhraseIndex.Match> target = cue instanceof Cue.Evidence ? evidence
                : cue instanceof Cue.Child ? children
                : cue instanceof Cue.Negator ? negators
                : cue instanceof Cue.ClauseBreak ? breaks
                : cue instanceof Cue.ContextTerm ? contextTerms
                : ageUnits;
        target.add(m);
    }

    private void scoreEvidence() {
        List<PhraseIndex.Match> live = new ArrayList<>();
        for (PhraseIndex.Match m : evidence) {
            Category category = ((Cue.Evidence) m.cue()).category();
            if (!negated(m) && !cancelled(m, category)) {
                live.add(m);
            }
        }
        live.sort(Comparator.comparingDouble(this::weight).reversed().thenComparingInt(PhraseIndex.Match::start));
        Map<Category, List<PhraseIndex.Match>> taken = new EnumMap<>(Category.class);
        Set<String> counted = new HashSet<>();
        for (PhraseIndex.Match m : live) {
            Cue.Evidence e = (Cue.Evidence) m.cue();
            List<PhraseIndex.Match> spans = taken.computeIfAbsent(e.category(), k -> new ArrayList<>());
            // A phrase and the words inside it are one piece of evidence, and repeating a word adds nothing.
            if (spans.stream().noneMatch(s -> overlaps(s, m)) && counted.add(e.category() + "|" + m.surface())) {
                spans.add(m);
                add(e.category(), weight(m), "'" + m.surface() + "' (" + e.language().code());
            }
        }
    }

    private void scoreCombos() {
        // Files that share group names declare the same combo; it is one piece of evidence, at its best weight.
        Map<String, Double> best = new java.util.LinkedHashMap<>();
        Map<String, String> labels = new HashMap<>();
        for (int id = 0; id < lexicon.comboCount(); id++) {
            Rules.Combo combo = lexicon.combo(id);
            PhraseIndex.Match[] pair = comboPair(combo);
            if (pair == null) {
                continue;
            }
            Language words = pair[0].cue().language();
            double w = combo.weight() * Math.max(factor(words), factor(pair[1].cue().language()));
            String key = combo.category() + "|" + combo.any() + "|" + combo.with();
            if (w > best.getOrDefault(key, 0.0)) {
                best.put(key, w);
                labels.put(key, "'" + pair[0].surface() + "' + '" + pair[1].surface() + "' (" + words.code());
            }
        }
        best.forEach((key, w) -> add(Category.valueOf(key.substring(0, key.indexOf('|'))), w, labels.get(key)));
    }

    private PhraseIndex.Match[] comboPair(Rules.Combo combo) {
        List<PhraseIndex.Match> firsts = liveMembers(combo.any(), combo.category());
        if (firsts.isEmpty()) {
            return null;
        }
        for (PhraseIndex.Match b : liveMembers(combo.with(), combo.category())) {
            for (PhraseIndex.Match a : firsts) {
                if (!overlaps(a, b) && within(a, b, combo.window()) && (!combo.ordered() || a.end() <= b.start())) {
                    return new PhraseIndex.Match[] {a, b};
                }
            }
        }
        return null;
    }

    private List<PhraseIndex.Match> liveMembers(Set<String> groups, Category category) {
        List<PhraseIndex.Match> out = new ArrayList<>();
        for (String group : groups) {
            for (PhraseIndex.Match m : groupMembers.getOrDefault(group, List.of())) {
                if (!negated(m) && !cancelled(m, category)) {
                    out.add(m);
                }
            }
        }
        return out;
    }

    private boolean childMentioned() {
        for (PhraseIndex.Match m : children) {
            // Only a negator right before denies the child ("pas d'enfants", "no children"); further away it is
            // about something else ("pas de nouvelles des 3 enfants").
            if (!negated(m, CHILD_NEGATION_WINDOW) && !childCancelled(m)) {
                return true;
            }
        }
        return childAge();
    }

    /** "12 ans", "14ans", "aged 9 years", Bambara "san 12": a number of at most 17 beside an age word. */
    private boolean childAge() {
        for (int i = 0; i < tokens.size(); i++) {
            String word = tokens.word(i);
            int digits = leadingDigits(word);
            if (digits == 0 || digits > 2) {
                continue;
            }
            int age = Integer.parseInt(word.substring(0, digits));
            if (age > MAX_CHILD_AGE) {
                continue;
            }
            if (digits < word.length() ? isAgeUnitWord(word.substring(digits)) : besideAgeUnit(i)) {
                reasons.add("child: age " + age);
                return true;
            }
        }
        return false;
    }

    private boolean besideAgeUnit(int i) {
        for (PhraseIndex.Match unit : ageUnits) {
            if (unit.start() == i + 1 || unit.end() == i) {
                return true;
            }
        }
        return false;
    }

    private boolean isAgeUnitWord(String suffix) {
        MatchTokens alone = MatchTokens.of(suffix);
        return lexicon.scan(alone).stream().anyMatch(m -> m.cue() instanceof Cue.AgeUnit && m.end() == 1);
    }

    private static int leadingDigits(String word) {
        int n = 0;
        while (n < word.length() && Character.isDigit(word.charAt(n))) {
            n++;
        }
        return n;
    }

    private void dropVictimCategories() {
        for (Category category : NEEDS_CHILD) {
            if (scores.remove(category) != null) {
                reasons.add("no child mentioned: dropped " + category.id());
            }
        }
    }

    /** The guide counts a taking with a stated purpose (to fight, to rape or marry) under that purpose. */
    private void absorbAbduction() {
        Double abduction = scores.get(Category.ABDUCTION);
        if (abduction == null) {
            return;
        }
        for (Category purpose : List.of(Category.RECRUITMENT_USE, Category.SEXUAL_VIOLENCE)) {
            if (scores.getOrDefault(purpose, 0.0) >= THRESHOLD / 2) {
                scores.merge(purpose, abduction, Double::sum);
                reasons.add(purpose.id() + ": includes the abduction (stated purpose)");
                return;
            }
        }
    }

    private ViolationResult decide() {
        List<CategoryScore> candidates = scores.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new CategoryScore(e.getKey(), round(e.getValue())))
                .sorted(Comparator.comparingDouble(CategoryScore::score).reversed()
                        .thenComparing(CategoryScore::category))
                .toList();
        double notRelevant = scores.getOrDefault(Category.NOT_RELEVANT, 0.0);
        Category chosen = candidates.stream()
                .filter(c -> c.category() != Category.NOT_RELEVANT)
                .filter(c -> c.score() >= THRESHOLD && c.score() >= notRelevant)
                .map(CategoryScore::category)
                .findFirst().orElse(Category.NOT_RELEVANT);
        return new ViolationResult(chosen, candidates, List.copyOf(reasons));
    }

    private boolean negated(PhraseIndex.Match m) {
        return negatedMemo.computeIfAbsent(m, k -> negated(k, Integer.MAX_VALUE));
    }

    private boolean negated(PhraseIndex.Match m, int maxWindow) {
        Language own = m.cue().language();
        int window = Math.min(maxWindow, lexicon.negationWindow(own));
        for (PhraseIndex.Match n : negators) {
            if (n.cue().language() == own && !insidePhrase(n) && n.end() <= m.start() && m.start() - n.end() <= window
                    && tokens.sameClause(n.start(), m.start()) && !brokenBetween(n.end(), m.start())) {
                reasons.add("negated: '" + tokens.span(n.start(), m.end()) + "'");
                return true;
            }
        }
        return false;
    }

    /**
     * A negator that is part of a longer lexicon phrase ("not allowed", "ne peuvent pas passer", "aucun convoi") is
     * that phrase's own word: the phrase already says what is denied, so it does not also cancel the words after it.
     */
    private boolean insidePhrase(PhraseIndex.Match n) {
        for (PhraseIndex.Match e : evidence) {
            if (covers(e, n)) {
                return true;
            }
        }
        for (List<PhraseIndex.Match> members : groupMembers.values()) {
            for (PhraseIndex.Match e : members) {
                if (covers(e, n)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean covers(PhraseIndex.Match outer, PhraseIndex.Match inner) {
        return outer.start() <= inner.start() && inner.end() <= outer.end()
                && outer.end() - outer.start() > inner.end() - inner.start();
    }

    private boolean brokenBetween(int from, int to) {
        for (PhraseIndex.Match b : breaks) {
            if (b.start() >= from && b.end() <= to) {
                return true;
            }
        }
        return false;
    }

    private boolean cancelled(PhraseIndex.Match m, Category category) {
        if (cancelledMemo.getOrDefault(m, Set.of()).contains(category)) {
            return true;
        }
        if (keptMemo.getOrDefault(m, Set.of()).contains(category)) {
            return false;
        }
        boolean cancelled = cancelledNow(m, category);
        (cancelled ? cancelledMemo : keptMemo).computeIfAbsent(m, k -> EnumSet.noneOf(Category.class)).add(category);
        return cancelled;
    }

    private boolean cancelledNow(PhraseIndex.Match m, Category category) {
        for (PhraseIndex.Match c : contextTerms) {
            Rules.Context context = lexicon.context(((Cue.ContextTerm) c.cue()).context());
            if (context.cancels().contains(category) && within(c, m, context.window())) {
                reasons.add("context: '" + c.surface() + "' cancels " + category.id() + " '" + m.surface() + "'");
                return true;
            }
        }
        return false;
    }

    private boolean childCancelled(PhraseIndex.Match m) {
        for (PhraseIndex.Match c : contextTerms) {
            Rules.Context context = lexicon.context(((Cue.ContextTerm) c.cue()).context());
            if (context.cancelsChild() && within(c, m, context.window())) {
                reasons.add("context: '" + c.surface() + "' discounts child '" + m.surface() + "'");
                return true;
            }
        }
        return false;
    }

    private void add(Category category, double weight, String what) {
        scores.merge(category, weight, Double::sum);
        reasons.add(category.id() + ": " + what + ", +" + String.format(Locale.ROOT, "%.1f", weight) + ")");
    }

    private double weight(PhraseIndex.Match m) {
        Cue.Evidence e = (Cue.Evidence) m.cue();
        return e.weight() * factor(e.language());
    }

    private double factor(Language of) {
        return language != Language.UND && of == language ? OWN_LANGUAGE_FACTOR : 1.0;
    }

    private static boolean overlaps(PhraseIndex.Match a, PhraseIndex.Match b) {
        return a.start() < b.end() && b.start() < a.end();
    }

    /** Words strictly between two spans at most {@code window}; 0 means anywhere in the message. */
    private static boolean within(PhraseIndex.Match a, PhraseIndex.Match b, int window) {
        int gap = Math.max(a.start() - b.end(), b.start() - a.end());
        return window == 0 || gap <= window;
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
