package org.recourse.platform.internal;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class PlatformConfiguration {

    /** All domain time comes from this clock, in UTC, so tests can reason about it. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
