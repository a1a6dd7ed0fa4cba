package dev.saleskernel.examples.postgres;

import dev.saleskernel.persistence.spi.IndexValue;

import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;

/**
 * The {@code sk_record.indexes} column: a record's index fields as
 * {@code {"name": {"whole": 3} | {"moment": "2026-01-01T00:00:00.000001Z"} | {"text": "ann"}}}, written
 * by the adapter and read back as PostgreSQL prints {@code jsonb}. Read for every record of every page,
 * so it is scanned by hand (no parser objects, no intermediate tree); anything not of this shape is
 * refused, never guessed.
 */
final class IndexesColumn {

    private final String json;
    private int at;

    private IndexesColumn(String json) {
        this.json = json;
    }

    /** The column's text for these index fields. */
    static String write(Map<String, IndexValue> indexes) {
        if (indexes.isEmpty()) {
            return "{}";
        }
        StringBuilder json = new StringBuilder(24 * indexes.size() + 2).append('{');
        indexes.forEach((name, value) -> {
            json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":{");
            if (value instanceof IndexValue.Whole whole) {
                json.append("\"whole\":").append(whole.value());
            } else if (value instanceof IndexValue.Moment moment) {
                json.append("\"moment\":\"").append(moment.value()).append('"');
            } else {
                json.append("\"text\":");
                quote(((IndexValue.Text) value).value(), json);
            }
            json.append('}');
        });
        return json.append('}').toString();
    }

    /** The index fields the column's text holds (the map is the caller's, not shared). */
    static Map<String, IndexValue> read(String json) throws SQLException {
        try {
            return new IndexesColumn(json).fields();
        } catch (IndexOutOfBoundsException | NumberFormatException | DateTimeParseException e) {
            throw unreadable(json, e);
        }
    }

    private static void quote(String text, StringBuilder json) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append("\\u00").append(Character.forDigit(c >> 4, 16)).append(Character.forDigit(c & 0xF, 16));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }

    private Map<String, IndexValue> fields() throws SQLException {
        expect('{');
        if (peek() == '}') {
            at++;
            end();
            return Map.of();
        }
        Map<String, IndexValue> fields = new HashMap<>(8);
        do {
            String name = string();
            expect(':');
            expect('{');
            IndexValue value;
            if (key("whole")) {
                value = IndexValue.whole(whole());
            } else if (key("text")) {
                value = IndexValue.text(string());
            } else if (key("moment")) {
                value = IndexValue.moment(Instant.parse(string()));
            } else {
                throw unreadable(json, null);
            }
            expect('}');
            if (fields.put(name, value) != null) {
                throw unreadable(json, null);
            }
        } while (next() == ',');
        at--;
        expect('}');
        end();
        return fields;
    }

    private void end() throws SQLException {
        if (peek() != 0) {
            throw unreadable(json, null);
        }
    }

    /** Whether a member name {@code "kind":} comes next; consumes it if so (no string made for it). */
    private boolean key(String kind) throws SQLException {
        skipSpaces();
        int end = at + 1 + kind.length();
        if (json.startsWith(kind, at + 1) && json.charAt(at) == '"' && end < json.length() && json.charAt(end) == '"') {
            at = end + 1;
            expect(':');
            return true;
        }
        return false;
    }

    private long whole() {
        skipSpaces();
        int start = at;
        if (json.charAt(at) == '-') {
            at++;
        }
        while (at < json.length() && json.charAt(at) >= '0' && json.charAt(at) <= '9') {
            at++;
        }
        return Long.parseLong(json, start, at, 10);
    }

    /** A JSON string, unescaped. */
    private String string() throws SQLException {
        expect('"');
        int start = at;
        int end = json.indexOf('"', start);
        int backslash = json.indexOf('\\', start);
        if (end >= 0 && (backslash < 0 || backslash > end)) {
            at = end + 1;
            return json.substring(start, end);
        }
        StringBuilder text = new StringBuilder(json.length() - start);
        for (char c = json.charAt(at++); c != '"'; c = json.charAt(at++)) {
            if (c != '\\') {
                text.append(c);
                continue;
            }
            char escaped = json.charAt(at++);
            switch (escaped) {
                case '"', '\\', '/' -> text.append(escaped);
                case 'b' -> text.append('\b');
                case 'f' -> text.append('\f');
                case 'n' -> text.append('\n');
                case 'r' -> text.append('\r');
                case 't' -> text.append('\t');
                case 'u' -> {
                    text.append((char) Integer.parseInt(json, at, at + 4, 16));
                    at += 4;
                }
                default -> throw unreadable(json, null);
            }
        }
        return text.toString();
    }

    private void expect(char expected) throws SQLException {
        if (next() != expected) {
            throw unreadable(json, null);
        }
    }

    /** The next character that is not a space, consumed. */
    private char next() {
        skipSpaces();
        return json.charAt(at++);
    }

    /** The next character that is not a space, not consumed; 0 at the end. */
    private char peek() {
        skipSpaces();
        return at < json.length() ? json.charAt(at) : 0;
    }

    private void skipSpaces() {
        while (at < json.length() && json.charAt(at) == ' ') {
            at++;
        }
    }

    private static SQLException unreadable(String json, Exception cause) {
        return new SQLException("unreadable indexes column: " + json, cause);
    }
}
