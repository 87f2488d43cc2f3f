package org.recourse.platform.internal.mail;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The SMTP server everything is mailed through ({@code recourse.mail}; the takedown names it had first are still read). */
@ConfigurationProperties("recourse.mail")
record MailSettings(@DefaultValue("localhost") String host, @DefaultValue("25") int port,
                    @DefaultValue("") String username, @DefaultValue("") String password,
                    @DefaultValue("false") boolean startTls, @DefaultValue("30s") Duration timeout) {
}
