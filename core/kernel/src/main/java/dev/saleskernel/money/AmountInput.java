package dev.saleskernel.money;

import dev.saleskernel.shared.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.Currency;

/**
 * The gate for amounts that come from outside (JSON, CSV, forms): checks length, magnitude and
 * precision <em>before</em> any {@code setScale} or arithmetic, and refuses instead of rounding.
 *
 * <p>Why: {@code "1e1000000000"} is 12 characters yet parses to a {@code BigDecimal} with scale
 * −1,000,000,000, on which {@code setScale}, {@code toPlainString} or addition to a normal amount
 * costs seconds of CPU and gigabytes, or throws. Every check here is computed from the text's
 * length and the parsed value's {@code precision()} and {@code scale()} only, never by expanding
 * the number.
 *
 * <p>Declared limits, wide enough for any real sales amount (18 integer digits is a quintillion
 * yuan) and for unit prices with sub-cent precision:
 * <ul>
 *   <li>{@link #MAX_LENGTH} = 64 characters of text;</li>
 *   <li>{@link #MAX_INTEGER_DIGITS} = 18 digits before the decimal point;</li>
 *   <li>{@link #MAX_DECIMAL_PLACES} = 12 significant decimal places (trailing zeros do not count:
 *       {@code 1.50000000000000} is accepted as {@code 1.50}).</li>
 * </ul>
 * Scientific notation is accepted when the value is within the limits ({@code 1.2E+3} is 1200).
 * For money, the amount must also be a whole number of the currency's minor units
 * ({@code 10.005 CNY} is refused with {@link MoneyRejection#AMOUNT_FINER_THAN_CURRENCY}, never
 * rounded) and is returned at the minor-unit scale.
 */
public final class AmountInput {
    /** The longest amount text accepted, in characters. */
    public static final int MAX_LENGTH = 64;
    /** The most digits accepted before the decimal point. */
    public static final int MAX_INTEGER_DIGITS = 18;
    /** The most significant decimal places accepted. */
    public static final int MAX_DECIMAL_PLACES = 12;

    private AmountInput() {
    }

    /**
     * Parses and checks a decimal amount.
     *
     * @param text    the amount as written, e.g. {@code "1200.50"}
     * @param subject what the amount belongs to, for the rejection (e.g. {@code import:line-17})
     * @param field   the amount's field or JSON path, e.g. {@code price.amount}
     * @return the value, with negative scales normalised to 0 and trailing zeros beyond
     *         {@link #MAX_DECIMAL_PLACES} removed; or the reason it is refused:
     *         {@link MoneyRejection#AMOUNT_MISSING}, {@link MoneyRejection#AMOUNT_TOO_LONG},
     *         {@link MoneyRejection#AMOUNT_NOT_A_NUMBER}, {@link MoneyRejection#AMOUNT_TOO_LARGE},
     *         {@link MoneyRejection#AMOUNT_TOO_PRECISE}
     */
    public static Validation<Rejection, BigDecimal> decimal(String text, String subject, String field) {
        if (text == null || text.isEmpty()) {
            return Validation.invalid(Rejection.of(MoneyRejection.AMOUNT_MISSING, subject, field, "the amount is missing"));
        }
        if (text.length() > MAX_LENGTH) {
            return Validation.invalid(Rejection.of(MoneyRejection.AMOUNT_TOO_LONG, subject, field,
                            "the amount is longer than " + MAX_LENGTH + " characters")
                    .withEvidence("length", text.length()).withEvidence("limit", MAX_LENGTH));
        }
        BigDecimal parsed;
        try {
            parsed = new BigDecimal(text);
        } catch (NumberFormatException notANumber) {
            return Validation.invalid(Rejection.of(MoneyRejection.AMOUNT_NOT_A_NUMBER, subject, field,
                    "the amount is not a decimal number").withEvidence("text", text));
        }
        return decimal(parsed, subject, field);
    }

    /**
     * Checks a decimal amount that was already parsed (e.g. by a JSON reader), with the same
     * limits and result as {@link #decimal(String, String, String)} except the length check.
     */
    public static Validation<Rejection, BigDecimal> decimal(BigDecimal value, String subject, String field) {
        if (value == null) {
            return Validation.invalid(Rejection.of(MoneyRejection.AMOUNT_MISSING, subject, field, "the amount is missing"));
        }
        if (value.signum() == 0) {
            return Validation.valid(value.scale() < 0 || value.scale() > MAX_DECIMAL_PLACES ? BigDecimal.ZERO : value);
        }
        long integerDigits = (long) value.precision() - value.scale();
        if (integerDigits > MAX_INTEGER_DIGITS) {
            return Validation.invalid(Rejection.of(MoneyRejection.AMOUNT_TOO_LARGE, subject, field,
                            "the amount has more than " + MAX_INTEGER_DIGITS + " integer digits")
                    .withEvidence("integerDigits", integerDigits).withEvidence("limit", MAX_INTEGER_DIGITS));
        }
        if (value.scale() < 0) {
            return Validation.valid(value.setScale(0));
        }
        if (value.scale() <= MAX_DECIMAL_PLACES) {
            return Validation.valid(value);
        }
        BigDecimal stripped = value.stripTrailingZeros();
        if (stripped.scale() > MAX_DECIMAL_PLACES) {
            return Validation.invalid(Rejection.of(MoneyRejection.AMOUNT_TOO_PRECISE, subject, field,
                            "the amount has more than " + MAX_DECIMAL_PLACES + " decimal places")
                    .withEvidence("decimalPlaces", stripped.scale()).withEvidence("limit", MAX_DECIMAL_PLACES));
        }
        return Validation.valid(stripped.scale() < 0 ? stripped.setScale(0) : stripped);
    }

    /**
     * Parses and checks an ISO 4217 currency code: three upper-case letters known to the JDK,
     * with a minor unit.
     *
     * @return the currency, or {@link MoneyRejection#CURRENCY_UNKNOWN} /
     *         {@link MoneyRejection#CURRENCY_NOT_SUPPORTED} (pseudo-currencies such as XAU, XXX)
     */
    public static Validation<Rejection, Currency> currency(String code, String subject, String field) {
        if (code == null || !code.matches("[A-Z]{3}")) {
            return Validation.invalid(unknownCurrency(code, subject, field));
        }
        Currency currency;
        try {
            currency = Currency.getInstance(code);
        } catch (IllegalArgumentException unknown) {
            return Validation.invalid(unknownCurrency(code, subject, field));
        }
        if (currency.getDefaultFractionDigits() < 0) {
            return Validation.invalid(Rejection.of(MoneyRejection.CURRENCY_NOT_SUPPORTED, subject, field,
                    "the currency has no minor unit").withEvidence("currency", code));
        }
        return Validation.valid(currency);
    }

    /**
     * Parses and checks an amount and its currency, reporting every reason at once. The amount's
     * rejections name the field {@code field + ".amount"}, the currency's {@code field + ".currency"}.
     *
     * @param amount       the amount text, e.g. {@code "1200.50"}
     * @param currencyCode the ISO 4217 code, e.g. {@code "CNY"}
     * @param subject      what the money belongs to
     * @param field        the money's field or JSON path, e.g. {@code price}
     * @return the money at the currency's minor-unit scale ({@code "12.5" CNY → 12.50 CNY}), or
     *         every reason it is refused, including {@link MoneyRejection#AMOUNT_FINER_THAN_CURRENCY}
     */
    public static Validation<Seq<Rejection>, Money> money(String amount, String currencyCode, String subject, String field) {
        return money(decimal(amount, subject, field + ".amount"), currency(currencyCode, subject, field + ".currency"),
                subject, field);
    }

    /**
     * Checks an already parsed amount in a known currency, as {@link #money(String, String, String, String)}
     * does (limits, then the currency's minor unit).
     */
    public static Validation<Seq<Rejection>, Money> money(BigDecimal amount, Currency currency, String subject, String field) {
        Validation<Rejection, Currency> checkedCurrency = currency == null
                ? Validation.invalid(unknownCurrency(null, subject, field + ".currency"))
                : currency.getDefaultFractionDigits() < 0
                ? Validation.invalid(Rejection.of(MoneyRejection.CURRENCY_NOT_SUPPORTED, subject, field + ".currency",
                        "the currency has no minor unit").withEvidence("currency", currency.getCurrencyCode()))
                : Validation.valid(currency);
        return money(decimal(amount, subject, field + ".amount"), checkedCurrency, subject, field);
    }

    private static Validation<Seq<Rejection>, Money> money(Validation<Rejection, BigDecimal> amount,
                                                           Validation<Rejection, Currency> currency,
                                                           String subject, String field) {
        if (amount.isInvalid() || currency.isInvalid()) {
            Seq<Rejection> reasons = List.<Validation<Rejection, ?>>of(amount, currency)
                    .filter(Validation::isInvalid).map(Validation::getError);
            return Validation.invalid(reasons);
        }
        BigDecimal value = amount.get();
        Currency unit = currency.get();
        int minorScale = unit.getDefaultFractionDigits();
        int decimalPlaces = value.signum() == 0 ? 0 : Math.max(0, value.stripTrailingZeros().scale());
        if (decimalPlaces > minorScale) {
            return Validation.invalid(List.of(Rejection.of(MoneyRejection.AMOUNT_FINER_THAN_CURRENCY, subject, field + ".amount",
                            "the amount is finer than the minor unit of " + unit.getCurrencyCode())
                    .withEvidence("decimalPlaces", decimalPlaces).withEvidence("minorUnitDecimalPlaces", minorScale)));
        }
        return Validation.valid(new Money(value.setScale(minorScale), unit));
    }

    private static Rejection unknownCurrency(String code, String subject, String field) {
        return Rejection.of(MoneyRejection.CURRENCY_UNKNOWN, subject, field, "the currency is not a known ISO 4217 code")
                .withEvidence("currency", code);
    }
}
