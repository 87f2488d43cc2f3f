package org.recourse.accounts.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedLogins wrong passwords or codes in a row before the account locks
 * @param lockoutDuration how long a locked account stays locked
 * @param totpIssuer      the name authenticator apps show next to the code
 */
@ConfigurationProperties("recourse.security")
record SecuritySettings(int maxFailedLogins, Duration lockoutDuration, String totpIssuer) {
}
