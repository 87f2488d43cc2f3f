package org.recourse.accounts.internal;

/**
 * Long rather than complicated (NIST SP 800-63B): at least 12 characters, not the username, not a
 * common or breached password ({@link CommonPasswords}), typed the same twice; no composition
 * rules. Returns the message key of the first problem, or null.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    static String problemWith(String password, String repeat, String username) {
        if (password.length() < MIN_LENGTH) {
            return "accounts.password.too-short";
        }
        if (password.length() > MAX_LENGTH) {
            return "accounts.password.too-long";
        }
        if (password.toLowerCase().contains(username.toLowerCase())) {
            return "accounts.password.contains-username";
        }
        if (CommonPasswords.isCommon(password)) {
            return "accounts.password.common";
        }
        if (!password.equals(repeat)) {
            return "accounts.password.mismatch";
        }
        return null;
    }
}
