package org.kunnafoni.triage.place;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class PlaceIndexTest {
    private static final Gazetteer GAZETTEER = Gazetteer.loadDefault();
    private static final PlaceIndex INDEX = new PlaceIndex(GAZETTEER);

    static Stream<String> keys() {
        return Stream.concat(GAZETTEER.forms().stream().map(PlaceForm::key).filter(k -> k.length() >= 4).distinct(),
                Stream.of("lesenfants", "attaque", "hommesarmes", "tombouctoubamako"));
    }

    /** Each name misspelt by one or two edits of each kind, in windows of one to three words. */
    @ParameterizedTest
    @MethodSource("keys")
    void findsWhatComparingWithEveryFormFinds(String k) {
        int mid = k.length() / 2;
        List<String> misspelt = List.of(k, k.substring(0, mid) + k.substring(mid + 1),
                k.substring(0, mid) + k.charAt(mid + 1) + k.charAt(mid) + k.substring(mid + 2),
                k.substring(0, mid) + 'x' + k.substring(mid + 1), k.substring(0, mid) + 'o' + k.substring(mid),
                k.charAt(0) + k.substring(2, k.length() - 1), k + "ou");
        for (String key : misspelt) {
            for (int words = 1; words <= INDEX.maxWords(); words++) {
                PlaceIndex.Fuzzy fuzzy = INDEX.closest(key, words);
                PlaceIndex.Fuzzy expected = everyForm(key, words);
                assertThat(fuzzy.forms()).as(key + " in " + words + " words").isEqualTo(expected.forms());
                if (!expected.forms().isEmpty()) {
                    assertThat(fuzzy.distance()).isEqualTo(expected.distance());
                }
            }
        }
    }

    @ParameterizedTest
    @CsvSource({"tombouctou,tombctou,2,false", "douentza,dountza,1,false", "douentza,xyzzy,1,true", "bamako,kidal,2,true",
            "abc,abd,1,false", "abc,def,2,true"})
    void lettersRuleOutOnlyWordsOutOfReach(String a, String b, int max, boolean ruledOut) {
        assertThat(LetterSet.surelyFurther(LetterSet.of(a), LetterSet.of(b), max)).isEqualTo(ruledOut);
    }

    // The definition the index must agree with: every clear, long, digit-free form, in file order.
    private static PlaceIndex.Fuzzy everyForm(String key, int windowWords) {
        int best = Integer.MAX_VALUE;
        List<PlaceForm> closest = new ArrayList<>();
        for (PlaceForm form : GAZETTEER.forms()) {
            boolean reachable = form.need() == Need.NONE && form.key().length() >= PlaceIndex.FUZZY_MIN_LENGTH
                    && form.key().chars().noneMatch(Character::isDigit) && form.key().charAt(0) == key.charAt(0);
            if (!reachable || (form.words() != windowWords && windowWords != 1)) {
                continue;
            }
            int allowed = PlaceIndex.allowedTypos(form.key());
            int d = EditDistance.bounded(key, form.key(), allowed);
            if (d <= allowed && d > 0 && d <= best) {
                if (d < best) {
                    closest.clear();
                    best = d;
                }
                closest.add(form);
            }
        }
        return new PlaceIndex.Fuzzy(closest, best);
    }
}
