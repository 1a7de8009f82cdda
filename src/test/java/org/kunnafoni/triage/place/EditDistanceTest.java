package org.kunnafoni.triage.place;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class EditDistanceTest {
    @ParameterizedTest
    @CsvSource({
            "douentza,douentza,2,0", "douentsa,douentza,2,1", "bandiagra,bandiagara,2,1", "tombctou,tombouctou,2,2",
            "tobmouctou,tombouctou,2,1", "hombroi,hombori,2,1", "gao,kidal,2,3", "abc,abcdef,1,2",
    })
    void countsEditsUpToTheCutOff(String a, String b, int max, int expected) {
        assertThat(EditDistance.bounded(a, b, max)).isEqualTo(expected);
    }
}
