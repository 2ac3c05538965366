package org.alliancesim.analysis.classroom;

import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The names a request's {@code Host} header may give for the classroom server: the defence against
 * DNS rebinding, where a hostile web page makes its own host name resolve to 127.0.0.1 and then
 * reads this server's answers as if they were its own (the browser still sends the hostile name).
 *
 * <p>Always allowed: {@code 127.0.0.1}, {@code localhost} and {@code [::1]}. When the server is
 * bound to another address, that address too (and the name it was given as); when it is bound to
 * every interface ({@code 0.0.0.0} or {@code ::}), the addresses of this machine's interfaces at
 * start. Names are compared without regard to case, IP addresses by value (so {@code [0:0::1]} is
 * {@code [::1]}). The port must be the one the connection arrived on; a Host without a port is
 * allowed only on port 80. Immutable, thread-safe.
 */
final class AllowedHosts {

    private static final Pattern HOST = Pattern.compile("(\\[[0-9A-Fa-f:.]+\\]|[^\\[\\]:]+)(?::([0-9]{1,5}))?");
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");

    private final Set<String> names;
    private final Set<InetAddress> addresses;

    private AllowedHosts(Set<String> names, Set<InetAddress> addresses) {
        this.names = Collections.unmodifiableSet(names);
        this.addresses = Collections.unmodifiableSet(addresses);
    }

    /**
     * The hosts allowed for a server bound to {@code bindHost} (as the user gave it).
     *
     * @throws IllegalArgumentException if {@code bindHost} is not a known name or address
     */
    static AllowedHosts forBindAddress(String bindHost) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost"));
        Set<InetAddress> addresses = new LinkedHashSet<>();
        addresses.add(literal("127.0.0.1"));
        addresses.add(literal("[::1]"));
        InetAddress bound;
        try {
            bound = InetAddress.getByName(bindHost);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown address: " + bindHost);
        }
        if (bound.isAnyLocalAddress()) {
            addresses.addAll(interfaceAddresses());
        } else {
            addresses.add(bound);
            if (literalOrNull(bindHost) == null) {
                names.add(bindHost.toLowerCase(Locale.ROOT));
            }
        }
        return new AllowedHosts(names, addresses);
    }

    /**
     * Whether a {@code Host} header value names this server.
     *
     * @param host the header's value; {@code null} (no header) is not allowed
     * @param port the port the request's connection arrived on
     */
    boolean allows(String host, int port) {
        if (host == null) {
            return false;
        }
        Matcher m = HOST.matcher(host.strip());
        if (!m.matches()) {
            return false;
        }
        int given = m.group(2) == null ? 80 : Integer.parseInt(m.group(2));
        if (given != port) {
            return false;
        }
        String name = m.group(1);
        if (name.startsWith("[") || IPV4.matcher(name).matches()) {
            InetAddress a = literalOrNull(name);
            return a != null && addresses.contains(a);
        }
        return names.contains(name.toLowerCase(Locale.ROOT));
    }

    /** The allowed names and addresses with {@code port}, for a message: "127.0.0.1:7070, localhost:7070, ...". */
    String describe(int port) {
        List<String> out = new ArrayList<>();
        for (InetAddress a : addresses) {
            String s = a.isLoopbackAddress() && a.getAddress().length == 16 ? "::1" : a.getHostAddress();
            out.add((s.contains(":") ? "[" + s + "]" : s) + ":" + port);
        }
        names.forEach(n -> out.add(n + ":" + port));
        return String.join(", ", out);
    }

    private static List<InetAddress> interfaceAddresses() {
        List<InetAddress> out = new ArrayList<>();
        try {
            for (NetworkInterface n : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                for (InetAddress a : Collections.list(n.getInetAddresses())) {
                    // Without its scope ("%eth0"), as a Host header would give it.
                    out.add(literalOrNull(a.getHostAddress().replaceFirst("%.*$", "")));
                }
            }
        } catch (SocketException e) {
            // No interface list: only the loopback names then, which is the safe side.
        }
        out.removeIf(a -> a == null);
        return out;
    }

    /** Parses an IP literal (IPv4, or IPv6 in brackets or not) without any name lookup. */
    private static InetAddress literalOrNull(String s) {
        boolean bracketed = s.startsWith("[") && s.endsWith("]");
        String bare = bracketed ? s.substring(1, s.length() - 1) : s;
        boolean v4 = IPV4.matcher(bare).matches();
        if (v4 && bracketed) {
            return null;
        } else if (v4) {
            for (String octet : bare.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return null;
                }
            }
        } else if (!bare.contains(":")) {
            return null;
        }
        try {
            // Only literals reach here (checked above), and getByName parses a literal without a lookup.
            return InetAddress.getByName(bare.contains(":") ? "[" + bare + "]" : bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static InetAddress literal(String s) {
        InetAddress a = literalOrNull(s);
        if (a == null) {
            throw new IllegalStateException("not an IP literal: " + s);
        }
        return a;
    }
}
