package dev.saleskernel.internal.json;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.money.AmountInput;
import dev.saleskernel.money.ExchangeRate;
import dev.saleskernel.money.ExchangeRateTable;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.InputRejection;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a document of dated exchange rates:
 * <pre>{@code {"rates": [{"from": "USD", "to": "CNY", "rate": "7.1234", "effectiveFrom": "2026-01-01"}]}}</pre>
 * The rate may be a JSON string or number; either way it passes {@link AmountInput} before it is
 * used. Every problem is reported at once, each with its JSON path.
 */
public final class ExchangeRatesReader {
    private static final String SUBJECT = "exchange-rates";
    private final SafeJson json;

    public ExchangeRatesReader(SafeJson json) {
        this.json = json;
    }

    public Either<Rejected, ExchangeRateTable> read(String document) {
        return json.parse(SUBJECT, document).flatMap(this::read);
    }

    private Either<Rejected, ExchangeRateTable> read(JsonNode root) {
        JsonNode rates = root.path("rates");
        if (!rates.isArray()) {
            return Either.left(Rejected.of(Rejection.of(rates.isMissingNode() ? InputRejection.JSON_REQUIRED
                    : InputRejection.JSON_WRONG_TYPE, SUBJECT, "rates", "'rates' must be an array of rates")));
        }
        Checks checks = Checks.start();
        List<ExchangeRate> read = new ArrayList<>();
        Map<String, String> seen = new HashMap<>();
        for (int i = 0; i < rates.size(); i++) {
            String path = "rates[" + i + "]";
            JsonNode entry = rates.get(i);
            var from = currency(entry, path + ".from");
            var to = currency(entry, path + ".to");
            var rate = rate(entry, path + ".rate");
            var date = date(entry, path + ".effectiveFrom");
            checks = checks.include(from).include(to).include(rate).include(date);
            if (from.isValid() && to.isValid() && rate.isValid() && date.isValid()) {
                Checks entryChecks = Checks.start()
                        .require(!from.get().equals(to.get()), () -> Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT,
                                path + ".to", "a rate converts between two different currencies"))
                        .require(rate.get().signum() > 0, () -> Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT,
                                path + ".rate", "a rate must be greater than zero"));
                String pairOnDate = from.get() + ">" + to.get() + "@" + date.get();
                String earlier = seen.putIfAbsent(pairOnDate, path);
                entryChecks = entryChecks.require(earlier == null, () -> Rejection.of(SharedRejection.NOT_ALLOWED, SUBJECT,
                        path, "a second rate for " + from.get() + "→" + to.get() + " effective " + date.get()
                                + " (first at " + earlier + ")"));
                checks = checks.include(entryChecks.thenValid(() -> ""));
                if (entryChecks.passed()) {
                    read.add(new ExchangeRate(from.get(), to.get(), rate.get(), date.get()));
                }
            }
        }
        return checks.thenRight(() -> ExchangeRateTable.empty().withAll(read));
    }

    private static Validation<io.vavr.collection.Seq<Rejection>, Currency> currency(JsonNode entry, String path) {
        JsonNode node = entry.path(last(path));
        if (!node.isTextual()) {
            return Validation.invalid(io.vavr.collection.List.of(missingOrWrong(node, path, "a currency code like \"CNY\"")));
        }
        return AmountInput.currency(node.textValue(), SUBJECT, path).mapError(io.vavr.collection.List::of);
    }

    private static Validation<io.vavr.collection.Seq<Rejection>, BigDecimal> rate(JsonNode entry, String path) {
        JsonNode node = entry.path(last(path));
        return JsonDecimals.read(node, SUBJECT, path)
                .orElseGet(() -> Validation.invalid(missingOrWrong(node, path, "a decimal rate like \"7.1234\"")))
                .mapError(io.vavr.collection.List::of);
    }

    private static Validation<io.vavr.collection.Seq<Rejection>, LocalDate> date(JsonNode entry, String path) {
        JsonNode node = entry.path(last(path));
        if (!node.isTextual()) {
            return Validation.invalid(io.vavr.collection.List.of(missingOrWrong(node, path, "an ISO date like \"2026-01-01\"")));
        }
        try {
            return Validation.valid(LocalDate.parse(node.textValue()));
        } catch (DateTimeParseException e) {
            return Validation.invalid(io.vavr.collection.List.of(Rejection.of(InputRejection.JSON_WRONG_TYPE, SUBJECT, path,
                    "not an ISO date (yyyy-mm-dd)").withEvidence("value", abbreviated(node.textValue()))));
        }
    }

    private static Rejection missingOrWrong(JsonNode node, String path, String expected) {
        return node.isMissingNode() || node.isNull()
                ? Rejection.of(InputRejection.JSON_REQUIRED, SUBJECT, path, "required: " + expected)
                : Rejection.of(InputRejection.JSON_WRONG_TYPE, SUBJECT, path, "expected " + expected)
                .withEvidence("found", node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }

    private static String last(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static String abbreviated(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
