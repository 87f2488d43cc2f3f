package org.recourse.matching.internal;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** The matching module's settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingSettings.class)
class MatchingConfiguration {
}
