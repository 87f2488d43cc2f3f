package org.recourse.platform.internal.outbox;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxSettings.class)
class OutboxConfiguration {

    /** Simulated delivery records entries as sent without sending them: a server must never do that. */
    OutboxConfiguration(OutboxSettings settings, org.springframework.core.env.Environment environment) {
        if (settings.simulated() && !environment.getProperty("recourse.command-line", Boolean.class, false)) {
            throw new IllegalStateException("recourse.outbox.simulated is for ./recourse demo only, never for a server");
        }
    }
}
