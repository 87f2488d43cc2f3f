package org.recourse.accounts.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedLogins wrong passwords for one name from one address before that name waits
 *                        there (see {@link SignInDelays}), and wrong second-factor codes in a row
 *                        before the account locks
 * @param lockoutDuration how long a locked account stays locked, and the longest wait
 * @param totpIssuer      the name authenticator apps show next to the code
 * @param maxFailuresPerAddress failed sign-ins from one address, whatever the names, before that
 *                              address waits {@code lockoutDuration}
 * @param maxFailuresInTotal    failed sign-ins from everywhere within {@code lockoutDuration}
 *                              before every password sign-in waits a minute (spraying)
 */
@ConfigurationProperties("recourse.security")
record SecuritySettings(int maxFailedLogins, Duration lockoutDuration, String totpIssuer, int maxFailuresPerAddress,
                        int maxFailuresInTotal) {
}
