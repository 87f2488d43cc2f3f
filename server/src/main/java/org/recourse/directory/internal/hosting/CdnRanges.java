package org.recourse.directory.internal.hosting;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/** CDNs and reverse proxies recognised by their published address ranges (shipped as resources). */
final class CdnRanges {

    private record Cdn(String name, List<AddressRange> ranges) {
    }

    private final List<Cdn> cdns;

    private CdnRanges(List<Cdn> cdns) {
        this.cdns = cdns;
    }

    static CdnRanges shipped() {
        return new CdnRanges(List.of(new Cdn("cloudflare", read("/directory/cloudflare-ips.txt"))));
    }

    Optional<String> cdnOf(InetAddress address) {
        return cdns.stream().filter(c -> c.ranges().stream().anyMatch(r -> r.contains(address))).map(Cdn::name).findFirst();
    }

    private static List<AddressRange> read(String resource) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(CdnRanges.class.getResourceAsStream(resource),
                StandardCharsets.UTF_8))) {
            return in.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).map(AddressRange::parse).toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
