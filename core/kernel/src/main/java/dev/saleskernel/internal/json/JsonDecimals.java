package dev.saleskernel.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.money.AmountInput;
import dev.saleskernel.shared.Rejection;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.Optional;

/** Decimals in documents from outside: a JSON string or number, always checked by {@link AmountInput} before use. */
final class JsonDecimals {
    private JsonDecimals() {
    }

    /**
     * The node's value checked by {@link AmountInput#decimal}, or empty when the node is neither a
     * JSON string nor a JSON number (missing, null or another type: the caller names what it expected).
     */
    static Optional<Validation<Rejection, BigDecimal>> read(JsonNode node, String subject, String path) {
        if (node.isTextual()) {
            return Optional.of(AmountInput.decimal(node.textValue(), subject, path));
        }
        if (node.isNumber()) {
            return Optional.of(AmountInput.decimal(node.decimalValue(), subject, path));
        }
        return Optional.empty();
    }
}
