package org.kunnafoni.text;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.kunnafoni.text.SmsEncoding.GSM7;
import static org.kunnafoni.text.SmsEncoding.UCS2;

class SegmentCounterTest {
    private static final String FLAG_MALI = "\uD83C\uDDF2\uD83C\uDDF1";
    private static final String THUMBS_UP = "\uD83D\uDC4D";
    private static final String MEDIUM_SKIN = "\uD83C\uDFFD";
    private static final String FAMILY = "\uD83D\uDC68\u200D\uD83D\uDC69\u200D\uD83D\uDC67";

    static Stream<Arguments> cases() {
        return Stream.of(
                // name, text, encoding, segments, units, characters
                arguments("empty text: one segment, as Twilio's calculator", "", GSM7, 1, 0, 0),
                arguments("plain French", "Bonjour", GSM7, 1, 7, 7),
                arguments("CR LF are basic characters", "a\r\nb", GSM7, 1, 4, 4),
                // French letters in the GSM-7 basic table
                arguments("é", "é", GSM7, 1, 1, 1), arguments("è", "è", GSM7, 1, 1, 1),
                arguments("à", "à", GSM7, 1, 1, 1), arguments("ù", "ù", GSM7, 1, 1, 1),
                arguments("ü", "ü", GSM7, 1, 1, 1), arguments("æ", "æ", GSM7, 1, 1, 1),
                arguments("É", "É", GSM7, 1, 1, 1), arguments("Ü", "Ü", GSM7, 1, 1, 1),
                arguments("Ç", "Ç", GSM7, 1, 1, 1), arguments("Æ", "Æ", GSM7, 1, 1, 1),
                // French letters outside it
                arguments("â", "â", UCS2, 1, 1, 1), arguments("ê", "ê", UCS2, 1, 1, 1),
                arguments("î", "î", UCS2, 1, 1, 1), arguments("ô", "ô", UCS2, 1, 1, 1),
                arguments("û", "û", UCS2, 1, 1, 1), arguments("ë", "ë", UCS2, 1, 1, 1),
                arguments("ï", "ï", UCS2, 1, 1, 1), arguments("ÿ", "ÿ", UCS2, 1, 1, 1),
                arguments("ç (Twilio counts it UCS-2)", "ç", UCS2, 1, 1, 1),
                arguments("œ", "œ", UCS2, 1, 1, 1),
                arguments("È", "È", UCS2, 1, 1, 1), arguments("À", "À", UCS2, 1, 1, 1),
                arguments("Ù", "Ù", UCS2, 1, 1, 1), arguments("Â", "Â", UCS2, 1, 1, 1),
                arguments("Ê", "Ê", UCS2, 1, 1, 1), arguments("Î", "Î", UCS2, 1, 1, 1),
                arguments("Ô", "Ô", UCS2, 1, 1, 1), arguments("Û", "Û", UCS2, 1, 1, 1),
                arguments("Ë", "Ë", UCS2, 1, 1, 1), arguments("Ï", "Ï", UCS2, 1, 1, 1),
                arguments("Ÿ", "Ÿ", UCS2, 1, 1, 1), arguments("Œ", "Œ", UCS2, 1, 1, 1),
                arguments("French sentence with ê", "Fête à l'école", UCS2, 1, 14, 14),
                // Bambara letters
                arguments("ɛ", "ɛ", UCS2, 1, 1, 1), arguments("ɔ", "ɔ", UCS2, 1, 1, 1),
                arguments("ɲ", "ɲ", UCS2, 1, 1, 1), arguments("ŋ", "ŋ", UCS2, 1, 1, 1),
                arguments("Ɛ", "Ɛ", UCS2, 1, 1, 1), arguments("Ɔ", "Ɔ", UCS2, 1, 1, 1),
                arguments("Ɲ", "Ɲ", UCS2, 1, 1, 1), arguments("Ŋ", "Ŋ", UCS2, 1, 1, 1),
                // extension table: two septets each
                arguments("^", "^", GSM7, 1, 2, 1), arguments("{", "{", GSM7, 1, 2, 1),
                arguments("}", "}", GSM7, 1, 2, 1), arguments("\\", "\\", GSM7, 1, 2, 1),
                arguments("[", "[", GSM7, 1, 2, 1), arguments("~", "~", GSM7, 1, 2, 1),
                arguments("]", "]", GSM7, 1, 2, 1), arguments("|", "|", GSM7, 1, 2, 1),
                arguments("€", "€", GSM7, 1, 2, 1), arguments("form feed", "\f", GSM7, 1, 2, 1),
                arguments("price in euros", "5 €", GSM7, 1, 4, 3),
                // other scripts and emoji
                arguments("emoji: two UTF-16 units", THUMBS_UP, UCS2, 1, 2, 1),
                arguments("emoji with skin tone", THUMBS_UP + MEDIUM_SKIN, UCS2, 1, 4, 2),
                arguments("Arabic", "سلام عليكم", UCS2, 1, 10, 10),
                arguments("Tifinagh", "ⵜⴰⵎⴰⵣⵉⵖⵜ", UCS2, 1, 8, 8),
                // NFC first
                arguments("decomposed é is one GSM-7 character", "e\u0301cole", GSM7, 1, 5, 5),
                arguments("decomposed É", "E\u0301", GSM7, 1, 1, 1),
                arguments("decomposed ç is still UCS-2", "c\u0327a", UCS2, 1, 2, 2),
                arguments("160 decomposed é fit one segment", "e\u0301".repeat(160), GSM7, 1, 160, 160),
                // GSM-7 boundaries
                arguments("160 septets", "a".repeat(160), GSM7, 1, 160, 160),
                arguments("161 septets", "a".repeat(161), GSM7, 2, 161, 161),
                arguments("153 x 2", "a".repeat(306), GSM7, 2, 306, 306),
                arguments("307 septets", "a".repeat(307), GSM7, 3, 307, 307),
                arguments("80 euros = 160 septets", "€".repeat(80), GSM7, 1, 160, 80),
                arguments("81 euros: 76 pairs per part", "€".repeat(81), GSM7, 2, 162, 81),
                arguments("Twilio: escape + 158 = 160", "{" + "a".repeat(158), GSM7, 1, 160, 159),
                arguments("Twilio: escape + 159 = 161", "{" + "a".repeat(159), GSM7, 2, 161, 160),
                arguments("escape pair at 153-154 moves whole to part 2",
                        "a".repeat(152) + "€" + "a".repeat(152), GSM7, 3, 306, 305),
                arguments("escape pair ending at 153 stays", "a".repeat(151) + "€" + "a".repeat(153),
                        GSM7, 2, 306, 305),
                // UCS-2 boundaries
                arguments("70 units", "ç".repeat(70), UCS2, 1, 70, 70),
                arguments("71 units", "ç".repeat(71), UCS2, 2, 71, 71),
                arguments("67 x 2", "ç".repeat(134), UCS2, 2, 134, 134),
                arguments("135 units", "ç".repeat(135), UCS2, 3, 135, 135),
                arguments("emoji filling unit 70", "ç".repeat(68) + THUMBS_UP, UCS2, 1, 70, 69),
                arguments("emoji at units 67-68 moves whole to part 2",
                        "ç".repeat(66) + THUMBS_UP + "ç".repeat(66), UCS2, 3, 134, 133),
                arguments("emoji ending at unit 67 stays", "ç".repeat(65) + THUMBS_UP + "ç".repeat(67),
                        UCS2, 2, 134, 133),
                arguments("Twilio: emoji + 133 = 135 units", THUMBS_UP + "2".repeat(133), UCS2, 3, 135, 134),
                arguments("flag (two code points) is never split",
                        "ç".repeat(65) + FLAG_MALI + "ç".repeat(64), UCS2, 3, 133, 131),
                arguments("ZWJ family sequence is never split",
                        "ç".repeat(60) + FAMILY + "ç".repeat(60), UCS2, 3, 128, 125),
                arguments("a cluster longer than a part splits between code points",
                        "ɛ" + "\u0300".repeat(80), UCS2, 2, 81, 81));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void counts(String name, String text, SmsEncoding encoding, int segments, int units, int characters) {
        assertThat(SegmentCounter.count(text)).isEqualTo(new SegmentCount(encoding, segments, units, characters));
    }
}
