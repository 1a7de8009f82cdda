package org.kunnafoni.text;

import java.util.Objects;

/**
 * How a text travels as SMS.
 *
 * @param encoding   GSM-7 if every character is in the GSM 03.38 basic or extension table, else UCS-2
 * @param segments   parts billed and sent (at least 1, also for an empty text)
 * @param units      septets for GSM-7 (an extension character counts 2), UTF-16 code units for UCS-2
 * @param characters Unicode code points after NFC normalisation
 */
public record SegmentCount(SmsEncoding encoding, int segments, int units, int characters) {
    public SegmentCount {
        Objects.requireNonNull(encoding, "encoding");
        if (segments < 1 || units < 0 || characters < 0) {
            throw new IllegalArgumentException("segments >= 1, units and characters >= 0: "
                    + segments + "/" + units + "/" + characters);
        }
    }
}
