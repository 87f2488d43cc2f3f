package org.recourse.evidence.internal.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/** Looks up a host name. Replaceable so tests can answer like a hostile DNS server would. */
@FunctionalInterface
public interface HostResolver {

    List<InetAddress> resolve(String host) throws UnknownHostException;

    static HostResolver system() {
        return host -> List.of(InetAddress.getAllByName(host));
    }
}
