package org.kunnafoni.lead;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.kunnafoni.triage.Category;
import org.kunnafoni.triage.Language;
import org.kunnafoni.triage.priority.Priority;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class LeadExportTest {
    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '~', value = {
            "Boni|Boni", "Gao, Ansongo|\"Gao, Ansongo\"", "say \"hi\"|\"say \"\"hi\"\"\"",
            "=HYPERLINK(1)|'=HYPERLINK(1)", "+1|'+1", "-2|'-2", "@x|'@x", "#meta+id|#meta+id",
    })
    void cellsAreQuotedAndFormulasDefused(String value, String expected) {
        assertThat(LeadExport.cell(value)).isEqualTo(expected);
    }

    @Test
    void headerThenHxlRowThenOneRowPerLead() {
        Lead lead = new Lead("menaka-1-0", LeadStatus.VERIFIED, "menaka", "Inékar", Category.RECRUITMENT_USE,
                Priority.HIGH, 60, Instant.parse("2025-11-28T09:00:00Z"), Instant.parse("2025-11-29T09:00:00Z"), 3, 2,
                Set.of(Language.TAQ, Language.FRA), 4);
        String[] lines = LeadExport.csv(List.of(lead)).split("\r\n");
        assertThat(lines).hasSize(3);
        assertThat(lines[0].split(",")).hasSameSizeAs(lines[1].split(",")).hasSameSizeAs(LeadExport.COLUMNS);
        assertThat(lines[1]).startsWith("#meta+id,#date,#date+reported,#date+last,#adm1+name,#loc+name,#sector");
        assertThat(lines[2]).startsWith("menaka-1-0,2025-11-28,2025-11-28T09:00:00Z,2025-11-29T09:00:00Z,Ménaka,Inékar,"
                + "Child Protection,recruitment_use,4,verified,high,3,2,fra taq,");
    }
}
