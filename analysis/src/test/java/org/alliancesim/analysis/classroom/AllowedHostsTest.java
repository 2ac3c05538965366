package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Host headers name the classroom server, for each kind of bind address. */
class AllowedHostsTest {

    @Test
    void onLoopbackOnlyTheLoopbackNamesWithTheRightPort() {
        AllowedHosts h = AllowedHosts.forBindAddress("127.0.0.1");
        for (String ok : List.of("127.0.0.1:7070", "localhost:7070", "LOCALHOST:7070", "[::1]:7070",
                "[0:0:0:0:0:0:0:1]:7070", " localhost:7070 ")) {
            assertTrue(h.allows(ok, 7070), ok);
        }
        for (String bad : List.of("evil.example:7070", "localhost.evil.example:7070", "127.0.0.1:7071",
                "127.0.0.1", "localhost", "127.0.0.2:7070", "[::2]:7070", "0.0.0.0:7070", "999.0.0.1:7070",
                "[zz::1]:7070", "[127.0.0.1]:7070", "localhost:7070:7070", "localhost:", "", "user@localhost:7070")) {
            assertFalse(h.allows(bad, 7070), bad);
        }
        assertFalse(h.allows(null, 7070), "no Host header");
        assertEquals("127.0.0.1:7070, [::1]:7070, localhost:7070", h.describe(7070));
    }

    @Test
    void aHostWithoutAPortIsTheDefaultPort80() {
        AllowedHosts h = AllowedHosts.forBindAddress("localhost");
        assertTrue(h.allows("localhost", 80));
        assertTrue(h.allows("127.0.0.1:80", 80));
        assertFalse(h.allows("localhost", 8080));
    }

    @Test
    void anotherBindAddressIsAllowedBesideTheLoopbackNames() {
        AllowedHosts h = AllowedHosts.forBindAddress("127.0.0.5");
        assertTrue(h.allows("127.0.0.5:7070", 7070));
        assertTrue(h.allows("localhost:7070", 7070));
        assertFalse(h.allows("127.0.0.6:7070", 7070));
    }

    @Test
    void everyInterfaceMeansTheAddressesOfThisMachine() {
        AllowedHosts h = AllowedHosts.forBindAddress("0.0.0.0");
        assertTrue(h.allows("127.0.0.1:7070", 7070), "the loopback interface's address");
        assertTrue(h.allows("localhost:7070", 7070));
        assertFalse(h.allows("evil.example:7070", 7070), "names are still refused");
        assertFalse(h.allows("203.0.113.9:7070", 7070), "an address this machine does not have (TEST-NET-3)");
    }

    @Test
    void anUnknownBindAddressIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> AllowedHosts.forBindAddress("no-such-host.invalid"));
    }
}
