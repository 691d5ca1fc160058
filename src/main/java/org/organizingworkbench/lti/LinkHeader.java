package org.organizingworkbench.lti;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the {@code rel="next"} target in HTTP Link headers (RFC 8288), leniently, because platforms write them
 * loosely: Moodle's lineitems.php writes typographic quotes ({@code rel=“next”}), which reach the JDK client as
 * their UTF-8 bytes read as ISO-8859-1; others leave the quotes out, put several links in one header, list several
 * relation types ({@code rel="prev next"}) or give a relative URL, resolved against the request URL.
 */
final class LinkHeader {
    private static final Pattern LINK = Pattern.compile("<([^>]*)>([^<]*)");
    /** A relation type; anything else (quotes of any kind, their mis-decoded bytes, commas) separates. */
    private static final Pattern RELATION = Pattern.compile("[A-Za-z0-9._:/#-]+");

    private LinkHeader() {
    }

    /** @throws IllegalArgumentException when the next link is not a URI reference */
    static Optional<URI> next(List<String> headerValues, URI requestUrl) {
        for (String value : headerValues) {
            Matcher link = LINK.matcher(value);
            while (link.find()) {
                if (namesNext(link.group(2))) {
                    return Optional.of(requestUrl.resolve(link.group(1).trim()));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean namesNext(String parameters) {
        for (String parameter : parameters.split(";")) {
            int equals = parameter.indexOf('=');
            if (equals > 0 && parameter.substring(0, equals).trim().equalsIgnoreCase("rel")) {
                Matcher relation = RELATION.matcher(parameter.substring(equals + 1));
                while (relation.find()) {
                    if (relation.group().equalsIgnoreCase("next")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
