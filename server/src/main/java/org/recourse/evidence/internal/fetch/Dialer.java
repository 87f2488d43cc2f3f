package org.recourse.evidence.internal.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;

/**
 * Opens the TCP connection to an address that has already been checked. The default never
 * uses a proxy: a system-wide SOCKS setting must not send our requests elsewhere.
 */
@FunctionalInterface
public interface Dialer {

    Socket connect(InetSocketAddress checkedAddress, int timeoutMillis) throws IOException;

    static Dialer direct() {
        return (address, timeout) -> {
            if (address.isUnresolved()) {
                throw new IOException("refusing to connect to an unresolved address");
            }
            Socket socket = new Socket(Proxy.NO_PROXY);
            try {
                socket.connect(address, timeout);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            return socket;
        };
    }
}
