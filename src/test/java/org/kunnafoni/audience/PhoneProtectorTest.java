package org.kunnafoni.audience;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhoneProtectorTest {
    private static final byte[] KEY = new byte[32];
    private static final PhoneProtector PHONES = new PhoneProtector(KEY);

    @ParameterizedTest
    @CsvSource({"+22370000000", "+22376543210", "ORANGE", "''"})
    void encryptionRoundTripsWithFreshNonces(String phone) {
        String first = PHONES.encrypt(phone);
        String second = PHONES.encrypt(phone);
        assertThat(first).isNotEqualTo(second).startsWith("v1:");
        assertThat(PHONES.decrypt(first)).isEqualTo(phone);
        assertThat(new PhoneProtector(KEY).decrypt(second)).isEqualTo(phone);
    }

    @ParameterizedTest
    @CsvSource({"+22370000000,+22370000001", "+22376543210,ORANGE"})
    void pseudonymsAreStableAndDistinct(String phone, String other) {
        assertThat(PHONES.pseudonym(phone)).isEqualTo(new PhoneProtector(KEY).pseudonym(phone)).matches("R-[A-Z2-9]{10}");
        assertThat(PHONES.pseudonym(phone)).isNotEqualTo(PHONES.pseudonym(other));
    }

    /** Each thread keeps its own Mac and Cipher; interleaved use from several threads must give the same answers. */
    @ParameterizedTest
    @CsvSource({"4,2000"})
    void threadsDoNotShareState(int threads, int perThread) throws Exception {
        String expected = PHONES.pseudonym("+22370000000");
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Boolean>> results = IntStream.range(0, threads).mapToObj(t -> pool.submit(() -> {
                for (int i = 0; i < perThread; i++) {
                    String phone = "+2237" + String.format("%07d", t * perThread + i);
                    if (!PHONES.decrypt(PHONES.encrypt(phone)).equals(phone)
                            || !PHONES.pseudonym("+22370000000").equals(expected)) {
                        return false;
                    }
                }
                return true;
            })).toList();
            for (Future<Boolean> result : results) {
                assertThat(result.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @ParameterizedTest
    @CsvSource({"+22370000000,10", "ORANGE,20"})
    void aTamperedCiphertextIsRefusedAndTheCipherStaysUsable(String phone, int at) {
        String stored = PHONES.encrypt(phone);
        String tampered = stored.substring(0, at) + (stored.charAt(at) == 'A' ? 'B' : 'A') + stored.substring(at + 1);
        assertThatThrownBy(() -> PHONES.decrypt(tampered)).isInstanceOf(IllegalArgumentException.class);
        assertThat(PHONES.decrypt(PHONES.encrypt("+22370000000"))).isEqualTo("+22370000000");
    }
}
