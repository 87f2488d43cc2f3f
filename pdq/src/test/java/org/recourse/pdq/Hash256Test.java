package org.recourse.pdq;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The reference's bit layout: bit k is bit k mod 16 of word k / 16, and word 15 is printed first. */
class Hash256Test {

    private static final String BRIDGE = "d8f8f0cee0f4a84f0637022a078f67f0b36e2ed596621e1d33e6339c4e9c9b22";

    @Test
    void hexRoundTripsAndIsLowerCase() {
        assertThat(Hash256.fromHex(BRIDGE).toHex()).isEqualTo(BRIDGE);
        assertThat(Hash256.fromHex(BRIDGE.toUpperCase()).toHex()).isEqualTo(BRIDGE);
    }

    @Test
    void bitZeroIsTheLastHexDigitsLowestBitAndBit255TheFirstDigitsHighest() {
        Hash256 bit0 = Hash256.fromHex("0".repeat(63) + "1");
        assertThat(bit0.bit(0)).isTrue();
        assertThat(bit0.bitCount()).isEqualTo(1);
        Hash256 bit255 = Hash256.fromHex("8" + "0".repeat(63));
        assertThat(bit255.bit(255)).isTrue();
        Hash256 bit16 = Hash256.fromHex("0".repeat(59) + "10000");
        assertThat(bit16.bit(16)).as("word 1 is the second group of four digits from the right").isTrue();
        boolean[] bits = new boolean[256];
        bits[16] = true;
        assertThat(Hash256.fromBits(bits)).isEqualTo(bit16);
    }

    @Test
    void distanceCountsDifferingBits() {
        Hash256 a = Hash256.fromHex(BRIDGE);
        Hash256 b = Hash256.fromHex("d0f8f0cec0f4a84f0e370a22238f67f0b36a2ef596231e1d73e6a39c4e9c9b22");
        assertThat(a.distance(a)).isZero();
        assertThat(a.distance(b)).isEqualTo(14).isEqualTo(b.distance(a));
        assertThat(Hash256.ZERO.distance(Hash256.fromHex("f".repeat(64)))).isEqualTo(256);
        assertThat(new PdqHash(a, 100).distance(new PdqHash(b, 90))).isEqualTo(14);
    }

    @Test
    void rejectsAnythingButSixtyFourHexDigits() {
        assertThatThrownBy(() -> Hash256.fromHex(BRIDGE.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hash256.fromHex("+" + BRIDGE.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hash256.fromHex("g" + BRIDGE.substring(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Hash256.fromHex(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PdqHash(Hash256.ZERO, 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
