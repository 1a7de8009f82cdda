package org.kunnafoni.web;

import org.junit.jupiter.api.Test;
import org.kunnafoni.hostile.Hostile;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The subscriber CSV parser over hostile files from a fixed seed: rows, or one clear refusal, never a crash. */
class CsvImportPropertiesTest {
    @Test
    void everyFileParsesOrIsRefusedWithAReason() {
        Hostile h = new Hostile(7);
        int parsed = 0;
        for (int i = 0; i < 400; i++) {
            StringBuilder csv = new StringBuilder(h.pick(List.of("phone,region,language", "language,phone,region",
                    "phone;region;language", "\"phone\",region,language,extra", h.text()))).append('\n');
            for (int row = h.between(0, 20); row > 0; row--) {
                csv.append(h.text()).append(h.pick(List.of(",", ";", "\t", "\"", ",\""))).append(h.text()).append(',')
                        .append(h.pick(List.of("fra", "=1+1", "\"a\"\"b\"", h.text()))).append('\n');
            }
            try {
                List<Map<String, String>> rows = SubscriberRoutes.parse(csv.toString());
                assertThat(rows).as("case %d", i).hasSizeLessThanOrEqualTo(SubscriberRoutes.MAX_IMPORT_ROWS);
                parsed++;
            } catch (IllegalArgumentException refused) {
                assertThat(refused.getMessage()).as("case %d", i).isNotBlank().doesNotContain("Exception");
            }
        }
        assertThat(parsed).as("some files are well-formed enough to parse").isPositive();
    }
}
