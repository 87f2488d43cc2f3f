package org.recourse.directory.internal.hosting;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** An address block in CIDR notation ({@code 104.16.0.0/13}, {@code 2606:4700::/32}). */
record AddressRange(byte[] network, int prefixLength) {

    static AddressRange parse(String cidr) {
        String[] parts = cidr.strip().split("/", 2);
        try {
            byte[] network = literal(parts[0]).getAddress();
            return new AddressRange(network, parts.length == 2 ? Integer.parseInt(parts[1]) : network.length * 8);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an address range: " + cidr, e);
        }
    }

    boolean contains(InetAddress address) {
        byte[] candidate = address.getAddress();
        if (candidate.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (candidate[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = 0xff << (8 - rest) & 0xff;
        return (candidate[full] & mask) == (network[full] & mask);
    }

    /** Parses an address literal without ever asking the DNS. */
    static InetAddress literal(String address) throws UnknownHostException {
        return org.xbill.DNS.Address.getByAddress(address);
    }
}
