package org.recourse.evidence.internal.fetch;

import java.net.InetAddress;
import java.util.Optional;

/**
 * The test-only switch: the production rules plus the IPv4 loopback range, so tests can fetch
 * from a server on this machine. It lives in test code only; the production jar has no class
 * that allows loopback, and no setting that would choose one.
 */
public final class LoopbackTestServers implements AddressPolicy {

    private final AddressPolicy production = new PublicAddressesOnly();

    @Override
    public Optional<String> refusal(InetAddress address) {
        return address.isLoopbackAddress() && address.getAddress().length == 4 ? Optional.empty() : production.refusal(address);
    }
}
