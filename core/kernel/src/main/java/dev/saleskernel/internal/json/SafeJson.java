package dev.saleskernel.internal.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.saleskernel.shared.InputRejection;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import io.vavr.control.Either;
import java.io.IOException;
import java.util.Map;

/**
 * The hardened JSON reader and writer. Default typing and class-name polymorphism are never
 * enabled; every number is read as {@link java.math.BigDecimal} (never {@code double}); unknown
 * members are ignored; trailing tokens are refused; every parser failure — including
 * {@link IOException}s that are not {@link JacksonException}s, such as a
 * {@link java.io.CharConversionException} from encoding detection — becomes one
 * {@link Rejected} with a stable code.
 */
public final class SafeJson {
    private final JsonLimits limits;
    private final ObjectMapper mapper;

    public SafeJson(JsonLimits limits) {
        this.limits = limits;
        JsonFactory factory = JsonFactory.builder()
                .streamReadConstraints(limits.asConstraints())
                .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
                .build();
        this.mapper = JsonMapper.builder(factory)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
    }

    /** A reader with {@link JsonLimits#DEFAULT}. */
    public static SafeJson withDefaultLimits() {
        return new SafeJson(JsonLimits.DEFAULT);
    }

    public ObjectMapper mapper() {
        return mapper;
    }

    public JsonLimits limits() {
        return limits;
    }

    /** Parses a document given as text. */
    public Either<Rejected, JsonNode> parse(String source, String json) {
        if (json.length() > limits.maxDocumentChars()) {
            return Either.left(tooLarge(source, json.length()));
        }
        try {
            return nonNull(source, mapper.readValue(json, JsonNode.class));
        } catch (IOException e) {
            return Either.left(refusal(source, e, false));
        }
    }

    /** Parses a document given as bytes; the encoding is detected (UTF-8, UTF-16, UTF-32). */
    public Either<Rejected, JsonNode> parse(String source, byte[] json) {
        if (json.length > limits.maxDocumentChars()) {
            return Either.left(tooLarge(source, json.length));
        }
        try {
            return nonNull(source, mapper.readValue(json, JsonNode.class));
        } catch (IOException e) {
            return Either.left(refusal(source, e, false));
        } catch (RuntimeException e) {
            return Either.left(Rejected.of(Rejection.of(InputRejection.JSON_MALFORMED, source, "",
                    "the document could not be decoded: " + e.getClass().getSimpleName())));
        }
    }

    /** Binds a document to a type, with the same refusals as {@link #parse(String, String)}. */
    public <T> Either<Rejected, T> read(String source, JsonNode node, Class<T> type) {
        try {
            return Either.right(mapper.treeToValue(node, type));
        } catch (IOException | IllegalArgumentException e) {
            return Either.left(refusal(source, e, true));
        }
    }

    /** Writes a value as compact JSON. */
    public String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not write " + value.getClass().getName() + " as JSON", e);
        }
    }

    private Either<Rejected, JsonNode> nonNull(String source, JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return Either.left(Rejected.of(Rejection.of(InputRejection.JSON_MALFORMED, source, "",
                    "the document is empty")));
        }
        return Either.right(node);
    }

    private Rejected tooLarge(String source, int size) {
        return Rejected.of(new Rejection(InputRejection.JSON_TOO_LARGE,
                "the document is larger than " + limits.maxDocumentChars() + " characters", source, "",
                Map.of("size", String.valueOf(size), "limit", String.valueOf(limits.maxDocumentChars()))));
    }

    private static Rejected refusal(String source, Exception e, boolean binding) {
        if (e instanceof StreamConstraintsException limit) {
            return Rejected.of(new Rejection(InputRejection.JSON_LIMIT_EXCEEDED, firstLine(limit.getOriginalMessage()),
                    source, "", location(limit.getLocation())));
        }
        if (binding && e instanceof com.fasterxml.jackson.databind.exc.MismatchedInputException mismatch) {
            return Rejected.of(new Rejection(InputRejection.JSON_WRONG_TYPE, firstLine(mismatch.getOriginalMessage()),
                    source, mismatch.getPathReference() == null ? "" : pathOf(mismatch), location(mismatch.getLocation())));
        }
        if (e instanceof JacksonException jackson) {
            return Rejected.of(new Rejection(InputRejection.JSON_MALFORMED, firstLine(jackson.getOriginalMessage()),
                    source, "", location(jackson.getLocation())));
        }
        return Rejected.of(Rejection.of(InputRejection.JSON_MALFORMED, source, "",
                "the document could not be read: " + e.getClass().getSimpleName() + ": " + firstLine(e.getMessage())));
    }

    private static String pathOf(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        StringBuilder path = new StringBuilder();
        for (var reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static Map<String, String> location(JsonLocation location) {
        if (location == null || location.getLineNr() < 0) {
            return Map.of();
        }
        return Map.of("line", String.valueOf(location.getLineNr()), "column", String.valueOf(location.getColumnNr()));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable JSON";
        }
        String line = message.lines().findFirst().orElse(message);
        return line.length() > 300 ? line.substring(0, 300) + "…" : line;
    }

}
