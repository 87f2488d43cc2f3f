package org.recourse.support;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Makes a {@link MutableClock} the application's clock. Import it into a test context
 * ({@code @Import(TestClockConfiguration.class)}) and autowire {@link MutableClock} to move time.
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestClockConfiguration {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
    }
}
