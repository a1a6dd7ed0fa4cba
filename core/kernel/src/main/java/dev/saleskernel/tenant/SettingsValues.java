package dev.saleskernel.tenant;

import dev.saleskernel.money.RoundingPolicy;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.FiscalYearNaming;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.RoundingMode;
import java.time.Month;
import java.util.Currency;
import java.util.Map;
import java.util.Objects;

/**
 * The configurable values of a tenant.
 *
 * @param displayName     the tenant's name for people, 1–200 characters
 * @param baseCurrency    the currency targets, budgets and reports are kept in unless stated otherwise
 * @param fiscalYearStart the first month of the fiscal year (January for calendar years)
 * @param fiscalYearNaming which calendar year names a fiscal year that straddles two (the year
 *                        it starts in or the year it ends in)
 * @param roundingMode    the default rounding mode at declared rounding points; HALF_EVEN unless
 *                        chosen otherwise; {@link RoundingMode#UNNECESSARY} is refused because it
 *                        turns every inexact result into an error
 */
public record SettingsValues(String displayName, Currency baseCurrency, Month fiscalYearStart,
                             FiscalYearNaming fiscalYearNaming, RoundingMode roundingMode) {

    /** The longest display name accepted. */
    public static final int MAX_NAME_LENGTH = 200;

    public SettingsValues {
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(baseCurrency, "baseCurrency");
        Objects.requireNonNull(fiscalYearStart, "fiscalYearStart");
        Objects.requireNonNull(fiscalYearNaming, "fiscalYearNaming");
        Objects.requireNonNull(roundingMode, "roundingMode");
    }

    /** The tenant's fiscal calendar: its first month and naming rule. */
    public FiscalCalendar fiscalCalendar() {
        return new FiscalCalendar(fiscalYearStart, fiscalYearNaming);
    }

    /** The default rounding at declared rounding points: the minor unit of the currency, with the tenant's mode. */
    public RoundingPolicy roundingPolicy() {
        return RoundingPolicy.toMinorUnit(roundingMode);
    }

    /** Checks the business rules on values, naming every broken one with its field. */
    public Validation<Seq<Rejection>, SettingsValues> validated(String subject) {
        return Checks.start()
                .require(!displayName.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject,
                        "displayName", "a display name is required"))
                .require(displayName.length() <= MAX_NAME_LENGTH, () -> Rejection.of(SharedRejection.TOO_LONG,
                        subject, "displayName", "the display name is longer than " + MAX_NAME_LENGTH + " characters")
                        .withEvidence("length", displayName.length()))
                .require(roundingMode != RoundingMode.UNNECESSARY, () -> new Rejection(SharedRejection.NOT_ALLOWED,
                        "rounding mode UNNECESSARY cannot be a default: every inexact result would fail",
                        subject, "roundingMode", Map.of("roundingMode", roundingMode.name())))
                .thenValid(() -> this);
    }
}
