package org.kunnafoni.triage.extract;

import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.TextNormalizer;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads counts, ages, sex, actor, time and danger signs from a message. Every language's cues apply to
 * every message, because people switch languages mid-sentence; negators only cancel cues of their own
 * language. The cue lists are data: {@code config/triage/cues/<lang>.yaml}.
 */
public final class Extractor {
    private static final String RESOURCE = "/config/triage/cues/%s.yaml";

    private final Scanner scanner;

    private Extractor(PhraseTrie trie) {
        this.scanner = new Scanner(trie);
    }

    /** The cue files shipped on the class path; a language without a file simply adds no cues. */
    public static Extractor loadDefault() {
        Map<Language, InputStream> files = new EnumMap<>(Language.class);
        for (Language language : Language.values()) {
            InputStream in = Extractor.class.getResourceAsStream(String.format(RESOURCE, language.code()));
            if (in != null) {
                files.put(language, in);
            }
        }
        return parse(files);
    }

    /** Reads and closes the given cue files; throws IllegalArgumentException on an unknown section or tag. */
    public static Extractor parse(Map<Language, InputStream> files) {
        List<CueFileReader.Entry> entries = new ArrayList<>();
        files.forEach((language, in) -> entries.addAll(CueFileReader.read(language, in)));
        return new Extractor(LexiconBuilder.build(entries));
    }

    public Extraction extract(String text) {
        List<Hit> hits = scanner.scan(Tokens.of(TextNormalizer.fold(text)));
        List<String> reasons = new ArrayList<>();
        ChildReader.Children children = ChildReader.read(hits, reasons);
        List<Integer> ages = AgeReader.read(hits, reasons);
        TimeReader.When when = TimeReader.read(hits, reasons);
        Actor actor = ActorReader.read(hits, reasons);
        boolean weapons = flag(hits, CueKind.WEAPON, "weapons", reasons);
        boolean explosives = flag(hits, CueKind.EXPLOSIVE, "explosives", reasons);
        boolean medical = flag(hits, CueKind.MEDICAL, "medical", reasons);
        negated(hits, reasons);
        return new Extraction(children.count(), children.several(), ages, children.sex(), actor, when.time(),
                weapons, explosives, medical, when.ongoing(), reasons);
    }

    private static boolean flag(List<Hit> hits, CueKind kind, String name, List<String> reasons) {
        boolean found = false;
        for (Hit hit : hits) {
            if (hit.live(kind)) {
                found = true;
                reasons.add(name + ":" + hit.phrase());
            }
        }
        return found;
    }

    private static void negated(List<Hit> hits, List<String> reasons) {
        for (Hit hit : hits) {
            if (hit.negated()) {
                reasons.add("negated:" + hit.phrase());
            }
        }
    }
}
