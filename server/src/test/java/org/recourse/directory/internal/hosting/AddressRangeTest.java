package org.recourse.directory.internal.hosting;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddressRangeTest {

    @Test
    void matchesAddressesInsideTheBlockOnly() throws Exception {
        AddressRange cloudflare = AddressRange.parse("104.16.0.0/13");
        assertThat(cloudflare.contains(AddressRange.literal("104.23.255.1"))).isTrue();
        assertThat(cloudflare.contains(AddressRange.literal("104.24.0.1"))).isFalse();
        assertThat(cloudflare.contains(AddressRange.literal("2606:4700::1"))).isFalse();
        assertThat(AddressRange.parse("2a06:98c0::/29").contains(AddressRange.literal("2a06:98c7:ffff::1"))).isTrue();
        assertThat(AddressRange.parse("2a06:98c0::/29").contains(AddressRange.literal("2a06:98c8::1"))).isFalse();
        assertThat(CdnRanges.shipped().cdnOf(AddressRange.literal("172.67.1.1"))).contains("cloudflare");
        assertThat(CdnRanges.shipped().cdnOf(AddressRange.literal("93.184.216.34"))).isEmpty();
    }

    @Test
    void newDirectoryKeysAreReadableSlugs() {
        assertThat(UnknownContacts.slug("Hosting Über B.V.")).isEqualTo("hosting-uber-b-v");
        assertThat(UnknownContacts.slug("***")).isEqualTo("unknown");
        assertThat(ResolvingHosters.registeredDomain("www.a.example.nl")).isEqualTo("example.nl");
    }
}
