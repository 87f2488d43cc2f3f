package org.recourse.statistics.internal.facts;

import org.recourse.statistics.Source;
import org.recourse.statistics.StatisticsSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The sources whose events statistics listens to itself: cases, notices, referrals and re-uploads (escalation declares its own). */
@Configuration(proxyBeanMethods = false)
class BuiltInSources {

    @Bean
    StatisticsSource casesSource() {
        return () -> Source.CASES;
    }

    @Bean
    StatisticsSource noticesSource() {
        return () -> Source.NOTICES;
    }

    @Bean
    StatisticsSource referralsSource() {
        return () -> Source.REFERRALS;
    }

    @Bean
    StatisticsSource reuploadsSource() {
        return () -> Source.REUPLOADS;
    }
}
