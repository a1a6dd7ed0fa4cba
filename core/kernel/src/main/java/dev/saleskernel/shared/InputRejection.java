package dev.saleskernel.shared;

/** Refusal codes for documents read from outside: JSON that is malformed, too big or of the wrong shape. */
public enum InputRejection implements RejectionCode {
    /** Not parseable JSON, including undecodable bytes (wrong encoding). */
    JSON_MALFORMED,
    /** The document is larger than the declared limit. */
    JSON_TOO_LARGE,
    /** Nesting, a number's length, a string's length or a name's length exceeds its declared limit. */
    JSON_LIMIT_EXCEEDED,
    /** A member has the wrong JSON type (e.g. an object where a string is expected). */
    JSON_WRONG_TYPE,
    /** A required member is missing or null. */
    JSON_REQUIRED;

    @Override
    public String context() {
        return "input";
    }
}
