package org.organizingworkbench.web;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The address of the client behind a request, for per-client limits. The connection's address is the client's
 * unless it is one of the trusted proxies (WORKBENCH_TRUSTED_PROXIES); then X-Forwarded-For is read from the right,
 * skipping trusted proxies, so that only the entry the nearest trusted proxy wrote counts and a client cannot
 * choose its own address by sending the header. IPv6 clients count by their /64 network, which one host gets whole.
 */
public final class ClientAddress {

    private final List<Network> trustedProxies;

    /** @param trustedProxies addresses or CIDR ranges ("10.0.0.5", "10.0.0.0/8", "fd00::/8"); others are ignored */
    public ClientAddress(List<String> trustedProxies) {
        this.trustedProxies = trustedProxies.stream().map(Network::parse).flatMap(Optional::stream).toList();
    }

    /**
     * @param remoteAddress the connection's peer address
     * @param forwardedFor  every X-Forwarded-For header of the request, in order
     * @return the key the client is counted under
     */
    public String of(String remoteAddress, List<String> forwardedFor) {
        Optional<InetAddress> peer = literal(remoteAddress);
        if (peer.isEmpty()) {
            return String.valueOf(remoteAddress);
        }
        InetAddress client = peer.get();
        if (isTrusted(client)) {
            List<String> hops = new ArrayList<>();
            for (String header : forwardedFor) {
                for (String hop : header.split(",")) {
                    hops.add(hop.trim());
                }
            }
            for (int i = hops.size() - 1; i >= 0; i--) {
                Optional<InetAddress> hop = literal(hops.get(i));
                if (hop.isEmpty()) {
                    break; // what a client wrote itself: the last good hop is the client
                }
                client = hop.get();
                if (!isTrusted(client)) {
                    break;
                }
            }
        }
        return key(client);
    }

    private boolean isTrusted(InetAddress address) {
        return trustedProxies.stream().anyMatch(network -> network.contains(address));
    }

    private static String key(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length == 16) {
            return new Network(bytes, 64).toString();
        }
        return address.getHostAddress();
    }

    /** An IP literal; never a name, so that reading an address can never ask DNS. */
    static Optional<InetAddress> literal(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.strip();
        if (v.startsWith("[") && v.endsWith("]")) {
            v = v.substring(1, v.length() - 1);
        }
        boolean ipv4 = v.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        boolean ipv6 = v.contains(":") && v.matches("[0-9A-Fa-f:.]+");
        if (!ipv4 && !ipv6) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(v));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    /** An address range: the first {@code bits} bits of {@code prefix}. */
    private record Network(byte[] prefix, int bits) {

        static Optional<Network> parse(String cidr) {
            String[] parts = cidr.strip().split("/", 2);
            Optional<InetAddress> address = literal(parts[0]);
            if (address.isEmpty()) {
                return Optional.empty();
            }
            byte[] bytes = address.get().getAddress();
            int bits = bytes.length * 8;
            if (parts.length == 2) {
                try {
                    bits = Integer.parseInt(parts[1].strip());
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
                if (bits < 0 || bits > bytes.length * 8) {
                    return Optional.empty();
                }
            }
            return Optional.of(new Network(bytes, bits));
        }

        boolean contains(InetAddress address) {
            byte[] other = address.getAddress();
            if (other.length != prefix.length) {
                return false;
            }
            for (int bit = 0; bit < bits; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((other[bit / 8] & mask) != (prefix[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            byte[] masked = prefix.clone();
            for (int bit = bits; bit < masked.length * 8; bit++) {
                masked[bit / 8] &= (byte) ~(0x80 >>> (bit % 8));
            }
            try {
                return InetAddress.getByAddress(masked).getHostAddress() + "/" + bits;
            } catch (UnknownHostException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
