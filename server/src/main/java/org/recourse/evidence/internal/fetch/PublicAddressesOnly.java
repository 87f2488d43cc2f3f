package org.recourse.evidence.internal.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Optional;

/**
 * Allows only globally routable unicast addresses. IPv4 ranges follow the IANA special-purpose
 * registry; IPv6 is an allow-list (global unicast 2000::/3) minus the special ranges inside it,
 * and every IPv6 form that embeds an IPv4 address (mapped, compatible, NAT64, 6to4, Teredo) is
 * judged by the IPv4 address it carries, because that is where the packets end up.
 */
public final class PublicAddressesOnly implements AddressPolicy {

    @Override
    public Optional<String> refusal(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return ipv4(b);
        }
        if (address instanceof Inet6Address) {
            return ipv6(b);
        }
        return Optional.of("unknown address family");
    }

    static Optional<String> ipv4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        int a3 = b[3] & 0xff;
        if (a0 == 169 && a1 == 254 && a2 == 169 && a3 == 254) {
            return reason("a cloud metadata service");
        }
        if (a0 == 0) {
            return reason("an unspecified (this-network) address");
        }
        if (a0 == 127) {
            return reason("loopback");
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return reason("a private network address");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return reason("carrier-grade NAT (shared address space)");
        }
        if (a0 == 169 && a1 == 254) {
            return reason("link-local");
        }
        if (a0 == 192 && a1 == 0 && a2 == 0) {
            return reason("reserved for IETF protocol assignments");
        }
        if ((a0 == 192 && a1 == 0 && a2 == 2) || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return reason("reserved for documentation");
        }
        if (a0 == 192 && a1 == 88 && a2 == 99) {
            return reason("the deprecated 6to4 relay anycast range");
        }
        if (a0 == 198 && (a1 & 0xfe) == 18) {
            return reason("reserved for benchmarking");
        }
        if (a0 >= 224 && a0 <= 239) {
            return reason("multicast");
        }
        if (a0 == 255 && a1 == 255 && a2 == 255 && a3 == 255) {
            return reason("broadcast");
        }
        if (a0 >= 240) {
            return reason("reserved");
        }
        return Optional.empty();
    }

    static Optional<String> ipv6(byte[] b) {
        if (isMetadataV6(b)) {
            return reason("a cloud metadata service");
        }
        if (allZero(b, 0, 15) && (b[15] == 0 || b[15] == 1)) {
            return reason(b[15] == 0 ? "the unspecified address" : "loopback");
        }
        if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return embedded("an IPv4-mapped address", b, 12);
        }
        if (allZero(b, 0, 12)) {
            return embedded("an IPv4-compatible address", b, 12)
                    .or(() -> reason("a deprecated IPv4-compatible address"));
        }
        if (prefix(b, 0x00, 0x64, 0xff, 0x9b) && allZero(b, 4, 12)) {
            return embedded("a NAT64 address", b, 12);
        }
        if (prefix(b, 0x00, 0x64, 0xff, 0x9b) && b[4] == 0 && b[5] == 1) {
            return reason("a local-use NAT64 address");
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return embedded("a 6to4 address", b, 2);
        }
        if (prefix(b, 0x20, 0x01, 0x00, 0x00)) {
            return teredo(b);
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return reason("a unique local (private) IPv6 address");
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return reason("link-local");
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return reason("site-local");
        }
        if ((b[0] & 0xff) == 0xff) {
            return reason("multicast");
        }
        if (prefix(b, 0x20, 0x01, 0x0d, 0xb8) || ((b[0] & 0xff) == 0x3f && (b[1] & 0xff) == 0xff && (b[2] & 0xf0) == 0)) {
            return reason("reserved for documentation");
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x01 && (b[2] & 0xfe) == 0) {
            return reason("reserved for IETF protocol assignments");
        }
        if ((b[0] & 0xe0) != 0x20) {
            return reason("outside the global unicast range (reserved)");
        }
        return Optional.empty();
    }

    /** Teredo carries the server's IPv4 in bytes 4-7 and the client's, inverted, in 12-15. */
    private static Optional<String> teredo(byte[] b) {
        byte[] client = new byte[4];
        for (int i = 0; i < 4; i++) {
            client[i] = (byte) ~b[12 + i];
        }
        Optional<String> server = embedded("a Teredo address", b, 4);
        if (server.isPresent()) {
            return server;
        }
        Optional<String> inner = ipv4(client);
        if (inner.isPresent()) {
            return reason("a Teredo address embedding " + dotted(client) + " (" + inner.get() + ")");
        }
        return reason("a Teredo tunnel address");
    }

    private static Optional<String> embedded(String form, byte[] b, int offset) {
        byte[] v4 = {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
        Optional<String> inner = ipv4(v4);
        return inner.map(why -> form + " embedding " + dotted(v4) + " (" + why + ")");
    }

    private static boolean isMetadataV6(byte[] b) {
        // fd00:ec2::254, the AWS instance metadata service over IPv6
        return prefix(b, 0xfd, 0x00, 0x0e, 0xc2) && allZero(b, 4, 14) && b[14] == 0x02 && b[15] == 0x54;
    }

    private static boolean prefix(byte[] b, int... bytes) {
        for (int i = 0; i < bytes.length; i++) {
            if ((b[i] & 0xff) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String dotted(byte[] v4) {
        return (v4[0] & 0xff) + "." + (v4[1] & 0xff) + "." + (v4[2] & 0xff) + "." + (v4[3] & 0xff);
    }

    private static Optional<String> reason(String why) {
        return Optional.of(why);
    }
}
