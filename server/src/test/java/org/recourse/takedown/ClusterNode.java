package org.recourse.takedown;

import org.recourse.RecourseApplication;
import org.recourse.directory.internal.hosting.DnsLookup;
import org.recourse.evidence.internal.fetch.AddressPolicy;
import org.recourse.evidence.internal.fetch.LoopbackTestServers;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Bean;

/**
 * The main class of a cluster node started in its own JVM by {@link ClusterTest}: the application
 * as an operator runs it, with the two test-only policies every test node has — websites on
 * loopback may be fetched, and DNS answers from a table (empty here) instead of the network.
 */
public final class ClusterNode {

    private ClusterNode() {
    }

    public static void main(String[] args) {
        new SpringApplicationBuilder(RecourseApplication.class, TestPolicies.class).run(args);
    }

    /** Deliberately not a configuration class: a source of the node's application only, never scanned by a test context. */
    static class TestPolicies {

        @Bean
        AddressPolicy addressPolicy() {
            return new LoopbackTestServers();
        }

        @Bean
        DnsLookup dnsLookup() {
            return new FakeDns();
        }
    }
}
