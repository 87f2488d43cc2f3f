package org.recourse.directory.internal.hosting;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code recourse.directory.hosting.*}: the DNS server to ask (empty: the system's), how long RDAP
 * answers are reused, and where and how often the IANA bootstrap files are refreshed.
 */
@ConfigurationProperties("recourse.directory.hosting")
public record HostingSettings(@DefaultValue("") String dnsServer, @DefaultValue("5s") Duration dnsTimeout,
                              @DefaultValue("12h") Duration rdapCache,
                              @DefaultValue("https://data.iana.org/rdap/") String bootstrapUrl,
                              @DefaultValue("12h") Duration bootstrapRefresh) {
}
