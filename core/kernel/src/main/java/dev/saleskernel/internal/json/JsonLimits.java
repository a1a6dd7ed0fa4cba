package dev.saleskernel.internal.json;

import com.fasterxml.jackson.core.StreamReadConstraints;

/**
 * The limits every JSON document read by Sales Kernel is held to. A document over any of them
 * is refused before it is bound to objects.
 *
 * @param maxDocumentChars the largest document, in characters (bytes for byte input)
 * @param maxNestingDepth  the deepest nesting of objects and arrays
 * @param maxNumberLength  the longest number literal, in characters
 * @param maxStringLength  the longest string value, in characters
 * @param maxNameLength    the longest member name, in characters
 */
public record JsonLimits(int maxDocumentChars, int maxNestingDepth, int maxNumberLength, int maxStringLength,
                         int maxNameLength) {

    /** 4 MiB documents (the storage SPI's record limit), depth 64, numbers of 64 characters, strings of 1 MiB, names of 256. */
    public static final JsonLimits DEFAULT = new JsonLimits(4 * 1024 * 1024, 64, 64, 1024 * 1024, 256);

    public JsonLimits {
        if (maxDocumentChars < 2 || maxNestingDepth < 1 || maxNumberLength < 1 || maxStringLength < 1 || maxNameLength < 1) {
            throw new IllegalArgumentException("JSON limits must be positive");
        }
    }

    StreamReadConstraints asConstraints() {
        return StreamReadConstraints.builder()
                .maxNestingDepth(maxNestingDepth)
                .maxNumberLength(maxNumberLength)
                .maxStringLength(maxStringLength)
                .maxNameLength(maxNameLength)
                .maxDocumentLength(maxDocumentChars)
                .build();
    }
}
