package org.kunnafoni.text;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

class Gsm7TransliteratorTest {
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            // French letters already in GSM-7 stay
            "é, é", "è, è", "à, à", "ù, ù", "ü, ü", "æ, æ", "É, É", "Ü, Ü", "Ç, Ç", "Æ, Æ",
            // the others lose their accent
            "â, a", "ê, e", "î, i", "ô, o", "û, u", "ë, e", "ï, i", "ÿ, y", "ç, c", "œ, oe",
            "È, E", "À, A", "Ù, U", "Â, A", "Ê, E", "Î, I", "Ô, O", "Û, U", "Ë, E", "Ï, I", "Ÿ, Y", "Œ, OE",
            // Bambara: the older GSM-friendly spelling
            "ɛ, è", "ɔ, ò", "ɲ, ny", "ŋ, ng", "Ɛ, E", "Ɔ, O", "Ɲ, Ny", "Ŋ, Ng",
            "Mɔgɔ ɲɛnɛmaw, Mògò nyènèmaw", "Ɲɛnɛ, Nyènè", "ƝƐNƐMAW, NYENEMAW", "ŊANA, NGANA",
            "Œuvre, Oeuvre", "ŒUVRE, OEUVRE", "cœur, coeur",
            // other Latin letters: accent-stripped base
            "í, i", "ó, o", "ã, a", "š, s", "ḍ, d", "Ý, Y",
            // compatibility forms
            "ﬁn, fin", "Ａ, A", "m², m2", "½, 1/2",
            // GSM-7 text is unchanged, extension characters included
            "'{[€]}|~^\\', '{[€]}|~^\\'", "'Prix: 5€ (¥, £, $, ¤, §, ¿¡)', 'Prix: 5€ (¥, £, $, ¤, §, ¿¡)'",
    })
    void transliterates(String input, String expected) {
        assertThat(Gsm7Transliterator.transliterate(input)).isEqualTo(expected);
    }

    static Stream<Arguments> specialCharacters() {
        return Stream.of(
                arguments("empty", "", ""),
                arguments("typographic apostrophe", "l\u2019enfant", "l'enfant"),
                arguments("left quote, backtick, acute, modifier apostrophe", "\u2018a`b\u00B4c\u02BC", "'a'b'c'"),
                arguments("curly double quotes", "\u201CAlerte\u201D", "\"Alerte\""),
                arguments("guillemets with narrow no-break spaces", "\u00AB\u202Fou\u00A0\u00BB", "\" ou \""),
                arguments("en and em dashes, minus", "Gao \u2013 Kidal \u2014 \u22122", "Gao - Kidal - -2"),
                arguments("non-breaking hyphen", "Tin\u2011Essako", "Tin-Essako"),
                arguments("ellipsis", "attendez\u2026", "attendez..."),
                arguments("tab", "a\tb", "a b"),
                arguments("zero-width space, soft hyphen, BOM dropped", "\uFEFFa\u200Bb\u00ADc", "abc"),
                arguments("line separator", "a\u2028b", "a\nb"),
                arguments("CR LF kept", "a\r\nb", "a\r\nb"),
                arguments("decomposed é composes", "e\u0301cole", "école"),
                arguments("decomposed ç", "c\u0327a", "ca"),
                arguments("Bambara tone marks on open vowels", "\u025B\u0300 \u0254\u0301 \u0190\u0300", "è ò E"),
                arguments("stray combining mark dropped", "\u0301a", "a"),
                arguments("emoji", "Merci \uD83D\uDC4D", "Merci ?"),
                arguments("emoji with skin tone: one ?", "\uD83D\uDC4D\uD83C\uDFFD", "?"),
                arguments("flag: one ?", "\uD83C\uDDF2\uD83C\uDDF1", "?"),
                arguments("ZWJ family: one ?", "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67", "?"),
                arguments("heart with variation selector", "\u2764\uFE0F", "?"),
                arguments("Arabic", "سلام", "????"),
                arguments("Tifinagh", "ⵜⴰⵎⴰ", "????"),
                arguments("lone surrogate", "a\uD800b", "a?b"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("specialCharacters")
    void transliteratesSpecialCharacters(String name, String input, String expected) {
        assertThat(Gsm7Transliterator.transliterate(input)).isEqualTo(expected);
    }

    @Test
    void everyCodePointBecomesPureGsm7() {
        List<String> notGsm = new ArrayList<>();
        IntStream.rangeClosed(0, Character.MAX_CODE_POINT).forEach(cp -> {
            String out = Gsm7Transliterator.transliterate("x" + Character.toString(cp) + "y");
            if (!Gsm7Alphabet.canEncode(out) || SegmentCounter.count(out).encoding() != SmsEncoding.GSM7) {
                notGsm.add(Integer.toHexString(cp) + " -> " + out);
            }
        });
        assertThat(notGsm).isEmpty();
    }

    @Test
    void gsm7TextIsUnchanged() {
        String all = (Gsm7Alphabet.BASIC + Gsm7Alphabet.EXTENSION).replace("\u001B", "");
        assertThat(Gsm7Transliterator.transliterate(all)).isEqualTo(all);
    }
}
