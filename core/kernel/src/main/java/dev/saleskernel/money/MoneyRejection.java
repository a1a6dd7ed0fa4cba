package dev.saleskernel.money;

import dev.saleskernel.shared.RejectionCode;

/** The stable refusal codes of the money context; {@link #code()} is {@code money/NAME}. */
public enum MoneyRejection implements RejectionCode {
    /** No amount was given (null or empty text). */
    AMOUNT_MISSING,
    /** The amount text is not a decimal number. */
    AMOUNT_NOT_A_NUMBER,
    /** The amount text is longer than {@link AmountInput#MAX_LENGTH} characters. */
    AMOUNT_TOO_LONG,
    /** The amount has more than {@link AmountInput#MAX_INTEGER_DIGITS} integer digits. */
    AMOUNT_TOO_LARGE,
    /** The amount has more than {@link AmountInput#MAX_DECIMAL_PLACES} significant decimal places. */
    AMOUNT_TOO_PRECISE,
    /** The amount has more decimal places than its currency's minor unit (e.g. 10.005 CNY). */
    AMOUNT_FINER_THAN_CURRENCY,
    /** The currency code is missing or is not an ISO 4217 code known to the JDK. */
    CURRENCY_UNKNOWN,
    /** The currency has no minor unit (ISO 4217 pseudo-currencies such as XAU or XXX). */
    CURRENCY_NOT_SUPPORTED,
    /** An allocation was asked over no weights at all. */
    WEIGHTS_EMPTY,
    /** A weight is missing (null). */
    WEIGHT_MISSING,
    /** A weight is zero or negative. */
    WEIGHT_NOT_POSITIVE,
    /** A weight has more digits than {@link Allocation#MAX_WEIGHT_DIGITS} allows. */
    WEIGHT_OUT_OF_RANGE,
    /** No exchange rate effective on or before the conversion date exists for the currency pair. */
    RATE_MISSING;

    @Override
    public String context() {
        return "money";
    }
}
