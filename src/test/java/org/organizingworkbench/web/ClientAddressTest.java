package org.organizingworkbench.web;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ClientAddressTest {

    @Test
    void withoutATrustedProxyTheConnectionIsTheClientWhateverTheHeaderSays() {
        ClientAddress client = new ClientAddress(List.of());
        assertEquals("203.0.113.9", client.of("203.0.113.9", List.of("198.51.100.20")));
    }

    @Test
    void behindATrustedProxyTheAddressItForwardedIsTheClient() {
        ClientAddress client = new ClientAddress(List.of("10.0.0.5"));
        assertEquals("198.51.100.20", client.of("10.0.0.5", List.of("198.51.100.20")));
    }

    @Test
    void aClientCannotChooseItsAddressByWritingTheHeaderItself() {
        ClientAddress client = new ClientAddress(List.of("10.0.0.0/8"));
        assertEquals("203.0.113.9", client.of("10.0.0.5", List.of("1.2.3.4, 203.0.113.9")),
                "the proxy appended the real address on the right");
        assertEquals("203.0.113.9", client.of("10.0.0.5", List.of("1.2.3.4", "203.0.113.9, 10.0.0.7")),
                "trusted hops are skipped, several headers are one list");
        assertEquals("203.0.113.9", client.of("10.0.0.5", List.of("not-an-address, 203.0.113.9")));
        assertEquals("10.0.0.7", client.of("10.0.0.5", List.of("evil.example, 10.0.0.7")),
                "a name is never resolved: the last good hop counts");
    }

    @Test
    void aRequestFromTheProxyWithoutTheHeaderCountsAsTheProxy() {
        ClientAddress client = new ClientAddress(List.of("10.0.0.5"));
        assertEquals("10.0.0.5", client.of("10.0.0.5", List.of()));
    }

    @Test
    void anIpv6ClientCountsByItsSlash64() {
        ClientAddress client = new ClientAddress(List.of("::1"));
        assertEquals("2001:db8:1:2:0:0:0:0/64", client.of("::1", List.of("2001:db8:1:2:aaaa:bbbb:cccc:dddd")));
        assertEquals(client.of("2001:db8:1:2::1", List.of()), client.of("2001:db8:1:2::ffff", List.of()));
    }

    @Test
    void invalidProxySettingsAreIgnored() {
        ClientAddress client = new ClientAddress(List.of("proxy.example", "10.0.0.0/99", "10.0.0.5/x"));
        assertEquals("10.0.0.5", client.of("10.0.0.5", List.of("198.51.100.20")));
    }
}
