package org.recourse.accounts.internal;

import java.security.SecureRandom;

/** Random passwords handed out once (first admin, new accounts, resets); the user replaces them. */
final class OneTimePasswords {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom random = new SecureRandom();

    private OneTimePasswords() {
    }

    /** 20 characters from 57 symbols: about 117 bits. */
    static String generate() {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            if (i > 0 && i % 5 == 0) {
                out.append('-');
            }
            out.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return out.toString();
    }
}
