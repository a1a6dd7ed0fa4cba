package dev.saleskernel.persistence.tck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A small strict JSON reader that turns a document into a canonical text: object members sorted
 * by name, no white space, numbers compared by value, strings re-escaped one way. Two documents
 * are semantically equal (RS-8.1) when their canonical texts are equal, whatever member order and
 * white space a store chose (as PostgreSQL {@code jsonb} does).
 */
final class Json {

    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    /** The canonical text of a JSON document; throws {@link IllegalArgumentException} if it is not JSON. */
    static String canonical(String json) {
        StringBuilder out = new StringBuilder(json.length());
        render(parse(json), out);
        return out.toString();
    }

    /**
     * The parsed document: {@link Map} (sorted), {@link List}, {@link String}, {@link BigDecimal},
     * {@link Boolean} or {@code null}.
     */
    static Object parse(String json) {
        Json reader = new Json(json);
        Object value = reader.value();
        reader.skipWhiteSpace();
        if (reader.at != json.length()) {
            throw reader.error("trailing characters");
        }
        return value;
    }

    /** A JSON string literal for {@code value}, escaping quotes, backslashes and control characters. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder(value.length() + 2);
        renderString(value, out);
        return out.toString();
    }

    private Object value() {
        skipWhiteSpace();
        if (at >= text.length()) {
            throw error("unexpected end");
        }
        char c = text.charAt(at);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", null);
            default:
                return number();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new TreeMap<>();
        at++;
        skipWhiteSpace();
        if (peek('}')) {
            return members;
        }
        do {
            skipWhiteSpace();
            if (at >= text.length() || text.charAt(at) != '"') {
                throw error("member name expected");
            }
            String name = string();
            skipWhiteSpace();
            expect(':');
            members.put(name, value());
            skipWhiteSpace();
        } while (peek(','));
        expect('}');
        return members;
    }

    private List<Object> array() {
        List<Object> items = new ArrayList<>();
        at++;
        skipWhiteSpace();
        if (peek(']')) {
            return items;
        }
        do {
            items.add(value());
            skipWhiteSpace();
        } while (peek(','));
        expect(']');
        return items;
    }

    private String string() {
        at++;
        StringBuilder out = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c < 0x20) {
                throw error("unescaped control character");
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            char escape = text.charAt(at++);
            switch (escape) {
                case '"', '\\', '/' -> out.append(escape);
                case 'b' -> out.append('\b');
                case 'f' -> out.append('\f');
                case 'n' -> out.append('\n');
                case 'r' -> out.append('\r');
                case 't' -> out.append('\t');
                case 'u' -> {
                    out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                    at += 4;
                }
                default -> throw error("bad escape \\" + escape);
            }
        }
    }

    private BigDecimal number() {
        int start = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        try {
            return new BigDecimal(text.substring(start, at));
        } catch (NumberFormatException e) {
            throw error("bad number");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, at)) {
            throw error("bad literal");
        }
        at += word.length();
        return value;
    }

    private boolean peek(char c) {
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!peek(c)) {
            throw error("'" + c + "' expected");
        }
    }

    private void skipWhiteSpace() {
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException("not JSON: " + what + " at character " + at);
    }

    private static void render(Object value, StringBuilder out) {
        if (value instanceof Map<?, ?> members) {
            out.append('{');
            String separator = "";
            for (Map.Entry<?, ?> member : members.entrySet()) {
                out.append(separator);
                renderString((String) member.getKey(), out);
                out.append(':');
                render(member.getValue(), out);
                separator = ",";
            }
            out.append('}');
        } else if (value instanceof List<?> items) {
            out.append('[');
            String separator = "";
            for (Object item : items) {
                out.append(separator);
                render(item, out);
                separator = ",";
            }
            out.append(']');
        } else if (value instanceof String string) {
            renderString(string, out);
        } else if (value instanceof BigDecimal number) {
            out.append(number.signum() == 0 ? "0" : number.stripTrailingZeros().toString());
        } else {
            out.append(value);
        }
    }

    private static void renderString(String value, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        out.append('"');
    }
}
