package org.recourse.evidence.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.recourse.evidence.FetchLimits;
import org.recourse.evidence.FetchRefusedException;
import org.recourse.evidence.SafeFetcher;
import org.recourse.evidence.internal.fetch.AddressPolicy;
import org.recourse.evidence.internal.fetch.PublicAddressesOnly;
import org.recourse.evidence.internal.fetch.TestWebsite;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;

/**
 * The switch that lets tests fetch from loopback exists only in test code: production has one
 * address policy, without settings, and no property or environment variable (Spring reads both
 * the same way) can put another in its place.
 */
class TestOnlySwitchTest {

    @TempDir
    Path dataDir;

    @Test
    void productionCodeHasExactlyOneAddressPolicyAndItHasNoSettings() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AssignableTypeFilter(AddressPolicy.class));
        List<String> production = scanner.findCandidateComponents("org.recourse").stream().map(BeanDefinition::getBeanClassName)
                .filter(name -> !location(name).contains("test-classes")).toList();

        assertThat(production).containsExactly(PublicAddressesOnly.class.getName());
        assertThat(Modifier.isFinal(PublicAddressesOnly.class.getModifiers())).isTrue();
        assertThat(PublicAddressesOnly.class.getDeclaredFields()).noneMatch(f -> !Modifier.isStatic(f.getModifiers()));
        assertThat(PublicAddressesOnly.class.getDeclaredConstructors()).allMatch(c -> c.getParameterCount() == 0);
        assertThat(Arrays.stream(EvidenceSettings.class.getRecordComponents()).map(c -> c.getName().toLowerCase(Locale.ROOT)))
                .noneMatch(name -> name.contains("allow") || name.contains("loopback") || name.contains("private")
                        || name.contains("polic") || name.contains("address") || name.contains("internal"));
    }

    @Test
    void noPropertyOrEnvironmentVariableOpensLoopback() throws Exception {
        try (TestWebsite site = new TestWebsite()) {
            site.page("/admin", "text/plain", "internal".getBytes(StandardCharsets.UTF_8));
            new ApplicationContextRunner()
                    .withUserConfiguration(EvidenceConfiguration.class)
                    .withBean(Clock.class, Clock::systemUTC)
                    .withPropertyValues(
                            "recourse.data-dir=" + dataDir,
                            "recourse.evidence.storage=local",
                            "recourse.evidence.capture.chromium=/usr/bin/chromium",
                            "recourse.evidence.capture.timeout=10s",
                            // what someone might try, as properties and in environment-variable spelling
                            "recourse.evidence.allow-loopback=true",
                            "recourse.evidence.allow-private-addresses=true",
                            "recourse.evidence.address-policy=org.recourse.evidence.internal.fetch.LoopbackTestServers",
                            "recourse.evidence.fetch.test-mode=true",
                            "RECOURSE_EVIDENCE_ALLOW_LOOPBACK=true",
                            "RECOURSE_EVIDENCE_ADDRESS_POLICY=loopback",
                            "spring.main.allow-bean-definition-overriding=true",
                            "spring.main.sources=org.recourse.evidence.internal.fetch.LoopbackTestServers")
                    .run(context -> {
                        assertThat(context).hasNotFailed();
                        assertThat(context.getBean(AddressPolicy.class)).isExactlyInstanceOf(PublicAddressesOnly.class);
                        FetchRefusedException refused = catchThrowableOfType(FetchRefusedException.class,
                                () -> context.getBean(SafeFetcher.class).fetch(site.url("/admin"), FetchLimits.defaults()));
                        assertThat(refused).isNotNull();
                        assertThat(refused.getMessage()).contains("loopback");
                    });
            assertThat(site.wasRequested("/admin")).isFalse();
        }
    }

    private static String location(String className) {
        try {
            URI uri = Class.forName(className).getProtectionDomain().getCodeSource().getLocation().toURI();
            return uri.toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
