package org.recourse.evidence.internal.fetch;

import java.net.InetAddress;
import java.util.Optional;

/**
 * Decides which addresses the fetcher may connect to. Production has exactly one policy,
 * {@link PublicAddressesOnly}; it has no settings, so no configuration can loosen it. Tests that
 * need a loopback test server supply their own implementation from test code.
 */
public interface AddressPolicy {

    /** Why the address is forbidden ("loopback", "private network", ...), or empty when allowed. */
    Optional<String> refusal(InetAddress address);
}
