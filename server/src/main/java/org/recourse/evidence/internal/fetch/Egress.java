package org.recourse.evidence.internal.fetch;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;

import org.recourse.evidence.FetchRefusedException;
import org.recourse.evidence.FetchRefusedException.Reason;

/**
 * The only way out to the internet, for the fetcher and for the browser's proxy alike: resolve
 * a host once, refuse it if any answer is forbidden, and connect to exactly the address checked.
 */
public final class Egress {

    private final AddressPolicy policy;
    private final HostResolver resolver;
    private final Dialer dialer;

    public Egress(AddressPolicy policy, HostResolver resolver, Dialer dialer) {
        this.policy = policy;
        this.resolver = resolver;
        this.dialer = dialer;
    }

    InetAddress checkedAddress(FetchTarget target) throws FetchRefusedException {
        List<InetAddress> addresses;
        if (target.literal() != null) {
            addresses = List.of(target.literal());
        } else {
            try {
                addresses = resolver.resolve(target.host());
            } catch (UnknownHostException e) {
                throw new FetchRefusedException(Reason.UNRESOLVABLE, "the host " + target.host() + " does not exist in DNS");
            }
            if (addresses.isEmpty()) {
                throw new FetchRefusedException(Reason.UNRESOLVABLE, "the host " + target.host() + " has no addresses");
            }
        }
        // One forbidden answer refuses the host: a name that points inside our network is hostile.
        for (InetAddress address : addresses) {
            Optional<String> why = policy.refusal(address);
            if (why.isPresent()) {
                throw new FetchRefusedException(Reason.FORBIDDEN_ADDRESS,
                        (target.literal() != null ? "the address " : "the host " + target.host() + " resolves to ")
                                + address.getHostAddress() + ", which is " + why.get());
            }
        }
        return addresses.getFirst();
    }

    Socket connect(FetchTarget target, InetAddress checked, int timeoutMillis) throws IOException {
        return dialer.connect(new InetSocketAddress(checked, target.port()), timeoutMillis);
    }
}
