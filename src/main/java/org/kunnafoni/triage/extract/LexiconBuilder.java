package org.kunnafoni.triage.extract;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Builds the trie from all languages' entries. An actor phrase that contains a weapon word ("hommes
 * armés", "gunmen" aside) also counts as a weapon cue, since the longest match hides the inner word.
 */
final class LexiconBuilder {
    private LexiconBuilder() {
    }

    static PhraseTrie build(List<CueFileReader.Entry> entries) {
        Set<String> weaponWords = new HashSet<>();
        for (CueFileReader.Entry e : entries) {
            if (e.cue().kind() == CueKind.WEAPON && e.words().size() == 1 && !e.stem()) {
                weaponWords.add(e.words().get(0));
            }
        }
        PhraseTrie trie = new PhraseTrie();
        for (CueFileReader.Entry e : entries) {
            trie.add(e.words(), e.stem(), e.phrase(), e.cue());
            if (e.cue().kind() == CueKind.ACTOR && e.words().size() > 1
                    && e.words().stream().anyMatch(weaponWords::contains)) {
                trie.add(e.words(), e.stem(), e.phrase(), Cue.of(CueKind.WEAPON, e.cue().language()));
            }
        }
        return trie;
    }
}
