package org.recourse.accounts.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** NIST SP 800-63B: common and breached passwords are refused; long personal phrases are not. */
class CommonPasswordsTest {

    @ParameterizedTest
    @ValueSource(strings = {"password1234", "PassWord1234", "123456789012", "qwerty123456", "!!sunshine2024!!",
            "zzzzzzzzzzzz", "welkom01", "Helpwanted2026", "letmein!!!!!"})
    void commonOrDecoratedCommonPasswordsAreRefused(String password) {
        assertThat(CommonPasswords.isCommon(password)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a long and private sentence", "mijn 3 katten slapen de hele dag", "correct horse battery staple",
            "Zw4rte-Koffie-Om-7-Uur", "password in een zin met meer woorden"})
    void longPersonalPhrasesAreAccepted(String password) {
        assertThat(CommonPasswords.isCommon(password)).isFalse();
    }
}
