package org.organizingworkbench.lti;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class LinkHeaderTest {

    private static final URI REQUEST = URI.create("http://h/mod/lti/services.php/2/lineitems?type_id=1");
    private static final URI NEXT = URI.create("http://h/mod/lti/services.php/2/lineitems?type_id=1&limit=2&from=2");

    private static Optional<URI> next(String... values) {
        return LinkHeader.next(List.of(values), REQUEST);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "<http://h/mod/lti/services.php/2/lineitems?type_id=1&limit=2&from=2>; rel=\"next\"",
            "<http://h/mod/lti/services.php/2/lineitems?type_id=1&limit=2&from=2>; rel=\u201Cnext\u201D",
            "<http://h/mod/lti/services.php/2/lineitems?type_id=1&limit=2&from=2>; rel=next",
            "<http://h/mod/lti/services.php/2/lineitems?type_id=1&limit=2&from=2> ; REL = 'next'",
            "<http://h/mod/lti/services.php/2/lineitems?type_id=1&limit=2&from=2>; rel=\"prev next\"",
            "<http://h/first>; rel=\"first\", <http://h/mod/lti/services.php/2/lineitems?type_id=1&limit=2&from=2>; rel=\"next\", <http://h/last>; rel=\"last\"",
    })
    @DisplayName("rel=next is found however it is quoted or combined")
    void lenientForms(String header) {
        assertEquals(Optional.of(NEXT), next(header));
    }

    @Test
    @DisplayName("Moodle's typographic quotes as the JDK client reads them: UTF-8 bytes decoded as ISO-8859-1")
    void typographicQuotesAsBytes() {
        String header = FakePlatform.utf8Bytes(
                "<http://h/mod/lti/services.php/2/lineitems?type_id=1&limit=2&from=2>; rel=\u201Cnext\u201D");
        assertEquals(Optional.of(NEXT), next(header));
    }

    @Test
    @DisplayName("Links spread over several header lines")
    void severalHeaderLines() {
        assertEquals(Optional.of(NEXT), next("<http://h/first>; rel=\"first\"",
                "<http://h/mod/lti/services.php/2/lineitems?type_id=1&limit=2&from=2>; rel=\"next\""));
    }

    @Test
    @DisplayName("A relative link is resolved against the request URL")
    void relativeLink() {
        assertEquals(Optional.of(NEXT), next("<lineitems?type_id=1&limit=2&from=2>; rel=\"next\""));
        assertEquals(Optional.of(URI.create("http://h/p/3")), next("</p/3>; rel=\"next\""));
    }

    @Test
    @DisplayName("A comma inside the URL does not split the link")
    void commaInUrl() {
        assertEquals(Optional.of(URI.create("http://h/x?roles=a,b&from=3")),
                next("<http://h/x?roles=a,b&from=3>; rel=\"next\""));
    }

    @Test
    @DisplayName("No next: no link, other relations only, or a relation that merely contains 'next'")
    void noNext() {
        assertEquals(Optional.empty(), next());
        assertEquals(Optional.empty(), next("<http://h/first>; rel=\"first\", <http://h/last>; rel=\"last\""));
        assertEquals(Optional.empty(), next("<http://h/x>; rel=\"nextpage\"; title=\"next\""));
        assertEquals(Optional.empty(), next("<http://h/x>; rel=\"http://example.com/rel/next\""));
    }

    @Test
    @DisplayName("A next link that is not a URI reference is an error, not the end of the list")
    void malformedNext() {
        assertThrows(IllegalArgumentException.class, () -> next("<http://h/a b>; rel=\"next\""));
    }
}
