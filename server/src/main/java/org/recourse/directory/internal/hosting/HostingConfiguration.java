package org.recourse.directory.internal.hosting;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HostingSettings.class)
class HostingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(HostingConfiguration.class);

    /** The production DNS client. Tests replace this bean from test code. */
    @Bean
    DnsLookup dnsLookup(HostingSettings settings) {
        return new DnsjavaLookup(settings.dnsServer(), settings.dnsTimeout());
    }

    /** Refreshes the IANA bootstrap files on one node at a time; a failed refresh keeps the last good copy. */
    @Bean
    RecurringTask<Void> rdapBootstrapRefresh(RdapBootstrap bootstrap, HostingSettings settings) {
        return Tasks.recurring("directory-rdap-bootstrap", FixedDelay.of(settings.bootstrapRefresh()))
                .execute((instance, context) -> {
                    try {
                        bootstrap.refresh(settings.bootstrapUrl());
                    } catch (Exception e) {
                        log.warn("RDAP bootstrap files not refreshed: {}", e.getMessage());
                    }
                });
    }
}
