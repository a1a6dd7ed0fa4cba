package dev.saleskernel.shared;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One reason a command or an input was refused.
 *
 * @param code     the stable code
 * @param message  a sentence for people, naming the rule that was broken
 * @param subject  what was refused: an aggregate reference such as {@code opportunity:o-17}, or
 *                 the input's name
 * @param field    the offending field or JSON path, e.g. {@code lines[2].discount}; empty when
 *                 the reason concerns the subject as a whole
 * @param evidence the figures that show the breach, by name (e.g. {@code limit → 100.00}), in
 *                 insertion order
 */
public record Rejection(RejectionCode code, String message, String subject, String field,
                        Map<String, String> evidence) {
    public Rejection {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(field, "field");
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(evidence, "evidence")));
    }

    /** A reason about one field of a subject, without evidence. */
    public static Rejection of(RejectionCode code, String subject, String field, String message) {
        return new Rejection(code, message, subject, field, Map.of());
    }

    /** This reason with one more piece of evidence. */
    public Rejection withEvidence(String name, Object value) {
        Map<String, String> more = new LinkedHashMap<>(evidence);
        more.put(name, String.valueOf(value));
        return new Rejection(code, message, subject, field, more);
    }

    @Override
    public String toString() {
        return code.code() + " " + subject + (field.isEmpty() ? "" : "." + field) + ": " + message
                + (evidence.isEmpty() ? "" : " " + evidence);
    }
}
