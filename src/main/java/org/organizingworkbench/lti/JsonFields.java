package org.organizingworkbench.lti;

import com.nimbusds.jose.util.JSONObjectUtils;

import java.text.ParseException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Lenient reading of the JSON platforms send: ids may be numbers or strings, numbers may be strings, and a blank
 * string (Moodle sends {@code "tag": ""}) means absent.
 */
final class JsonFields {
    private static final int EXCERPT_LENGTH = 300;

    private JsonFields() {
    }

    static Map<String, Object> objectOrEmpty(String body) {
        try {
            return body == null || body.isBlank() ? Map.of() : JSONObjectUtils.parse(body);
        } catch (ParseException e) {
            return Map.of();
        }
    }

    static String text(Map<String, Object> json, String key) {
        Object value = json.get(key);
        if (value == null || value instanceof Map || value instanceof List) {
            return null;
        }
        String text = value instanceof Number number ? numberText(number) : String.valueOf(value);
        return text.isBlank() ? null : text;
    }

    static Double number(Map<String, Object> json, String key) {
        Object value = json.get(key);
        if (value instanceof Number number) {
            return number.doubleValue();
        }
        if (value instanceof String text && !text.isBlank()) {
            try {
                return Double.valueOf(text.trim());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        return null;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Map<String, Object> json, String key) {
        return json.get(key) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    static List<Object> list(Map<String, Object> json, String key) {
        return json.get(key) instanceof List<?> list ? list.stream().filter(Objects::nonNull).<Object>map(v -> v).toList() : List.of();
    }

    /** An ISO-8601 time with an offset ("Z" or "+00:00", with or without fraction); null when absent or unreadable. */
    static Instant instant(Map<String, Object> json, String key) {
        String text = text(json, key);
        try {
            return text == null ? null : OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** The fields not named in {@code known}, in order and without nulls: kept so an update does not drop them. */
    static Map<String, Object> others(Map<String, Object> json, Set<String> known) {
        Map<String, Object> others = new LinkedHashMap<>();
        json.forEach((key, value) -> {
            if (!known.contains(key) && value != null) {
                others.put(key, value);
            }
        });
        return others;
    }

    /** A whole number as an integer in JSON ("85", not "85.0"), as platforms show scores. */
    static Number jsonNumber(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? (Number) (long) value : (Number) value;
    }

    static String excerpt(String body) {
        if (body == null || body.isBlank()) {
            return "(empty body)";
        }
        String text = body.strip();
        return text.length() <= EXCERPT_LENGTH ? text : text.substring(0, EXCERPT_LENGTH) + "…";
    }

    private static String numberText(Number number) {
        double value = number.doubleValue();
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : number.toString();
    }
}
