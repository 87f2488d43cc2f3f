package org.recourse.intake.internal.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;

class CaseNumbersTest {

    @Test
    void numbersHaveTheAgreedShapeAndAreNotSequential() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String number = CaseNumbers.next();
            assertThat(number).matches("RC-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
            seen.add(number);
        }
        assertThat(seen).hasSizeGreaterThan(9_990);
    }

    @Test
    void typingIsForgiving() {
        assertThat(CaseNumbers.parse("rc-7k3m-q9px")).contains("RC-7K3M-Q9PX");
        assertThat(CaseNumbers.parse("7K3M Q9PX")).contains("RC-7K3M-Q9PX");
        assertThat(CaseNumbers.parse("RC-OIL0-0000")).contains("RC-0110-0000");
        assertThat(CaseNumbers.parse("RCAB-CDEF")).contains("RC-RCAB-CDEF");
        assertThat(CaseNumbers.parse("RC-7K3M")).isEmpty();
        assertThat(CaseNumbers.parse("RC-7K3M-Q9P!")).isEmpty();
        assertThat(CaseNumbers.parse(null)).isEmpty();
    }

    @Test
    void secretsCarryAtLeastEightyBitsAndCompareForgivingly() {
        String secret = Passphrases.next();
        assertThat(secret).matches("([0-9A-HJKMNP-TV-Z]{4}-){4}[0-9A-HJKMNP-TV-Z]{4}");
        double bits = Passphrases.GROUPS * Passphrases.GROUP_LENGTH * (Math.log(CaseNumbers.ALPHABET.length()) / Math.log(2));
        assertThat(bits).isGreaterThanOrEqualTo(80);
        assertThat(Passphrases.canonical(secret.toLowerCase().replace("-", " "))).isEqualTo(secret.replace("-", ""));
        assertThat(Passphrases.next()).isNotEqualTo(secret);
    }
}
