package dev.saleskernel.compensation.settlement;

import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Rejection;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a plan's earnings are paid: part of the plan's data (the {@code "settlement"} object of the
 * plan JSON, schema {@code docs/reference/compensation-settlement.schema.json}).
 *
 * <ul>
 *   <li><b>Advances</b>: when present, a month's earnings are paid as an advance of
 *       {@code rate × earned} (per deal payout, then summed; each product rounded toward zero to the
 *       minor unit), and the quarter and the year are trued up:
 *       {@code true-up = period earned − already settled for periods inside it}. When absent,
 *       every settled period is paid {@code earned − already settled inside it}, which for a
 *       month is simply what it earned.</li>
 *   <li><b>Annual components</b> are settled only on year earnings; on months and quarters they
 *       show a zero line "deferred to year end".</li>
 *   <li><b>Draw</b>: a guaranteed amount per statement. Recoverable: the top-up is owed back and
 *       repaid from later excess over the draw; non-recoverable: the top-up is forgiven at once.</li>
 *   <li><b>Hold</b>: of every positive amount a deal adds to a statement, {@code share} (rounded
 *       toward zero) is held until its condition is met.</li>
 *   <li><b>Clawback</b>: a cancellation or refund within {@code windowDays} of a deal's credit
 *       date reverses what the deal was paid, fully or prorated by elapsed time.</li>
 * </ul>
 *
 * @param advances         monthly advances with quarterly true-up, if the plan pays advances
 * @param annualComponents the component ids settled only at year end
 * @param draw             the draw, if the plan has one
 * @param hold             the hold, if the plan holds part of deal payouts
 * @param clawback         the clawback policy
 */
public record SettlementTerms(Optional<Advances> advances, Set<String> annualComponents, Optional<Draw> draw,
                              Optional<Hold> hold, Clawback clawback) {

    /** The largest amount settlement accepts, in minor units (10^13, i.e. 100 billion at two decimals). */
    public static final long MAX_AMOUNT_MINOR = 10_000_000_000_000L;
    /** The most decimal places a share or rate may have. */
    public static final int MAX_SHARE_SCALE = 6;
    /** The longest clawback window, in days (ten years). */
    public static final int MAX_WINDOW_DAYS = 3660;

    public SettlementTerms {
        Objects.requireNonNull(advances, "advances");
        annualComponents = java.util.Collections.unmodifiableSet(new TreeSet<>(annualComponents));
        Objects.requireNonNull(draw, "draw");
        Objects.requireNonNull(hold, "hold");
        Objects.requireNonNull(clawback, "clawback");
    }

    /** Everything paid when earned, no draw, no hold, clawback in full within 90 days. */
    public static SettlementTerms payAsEarned() {
        return new SettlementTerms(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(),
                new Clawback(90, ClawbackMode.FULL, false));
    }

    public SettlementTerms withAdvances(Advances value) {
        return new SettlementTerms(Optional.of(value), annualComponents, draw, hold, clawback);
    }

    public SettlementTerms withAnnualComponents(Set<String> value) {
        return new SettlementTerms(advances, value, draw, hold, clawback);
    }

    public SettlementTerms withDraw(Draw value) {
        return new SettlementTerms(advances, annualComponents, Optional.of(value), hold, clawback);
    }

    public SettlementTerms withHold(Hold value) {
        return new SettlementTerms(advances, annualComponents, draw, Optional.of(value), clawback);
    }

    public SettlementTerms withClawback(Clawback value) {
        return new SettlementTerms(advances, annualComponents, draw, hold, value);
    }

    /**
     * Checks every term, naming each broken one by its JSON path under {@code path} (e.g.
     * {@code settlement.draw.amount}); with a currency, also that the draw fits its minor unit.
     */
    public Validation<Seq<Rejection>, SettlementTerms> validated(String subject, String path, Optional<Currency> currency) {
        String at = path.isEmpty() ? "" : path + ".";
        Checks checks = Checks.start();
        if (advances.isPresent()) {
            checks = share(checks, advances.get().rate(), subject, at + "advances.rate", false);
        }
        for (String component : annualComponents) {
            checks = checks.require(!component.isBlank(), () -> invalid(subject, at + "annualComponents",
                    "a component id is not blank"));
        }
        if (draw.isPresent()) {
            BigDecimal amount = draw.get().amount();
            checks = checks
                    .require(amount.signum() > 0, () -> invalid(subject, at + "draw.amount", "a draw is greater than zero")
                            .withEvidence("amount", amount.toPlainString()))
                    .require(amount.signum() <= 0 || amount.compareTo(BigDecimal.valueOf(MAX_AMOUNT_MINOR, 4)) <= 0,
                            () -> invalid(subject, at + "draw.amount", "the draw is larger than settlement accepts"))
                    .require(currency.isEmpty() || amount.stripTrailingZeros().scale() <= currency.get().getDefaultFractionDigits(),
                            () -> invalid(subject, at + "draw.amount", "the draw has more decimals than the currency's minor unit")
                                    .withEvidence("currency", currency.get().getCurrencyCode()));
        }
        if (hold.isPresent()) {
            checks = share(checks, hold.get().share(), subject, at + "hold.share", true);
        }
        checks = checks.require(clawback.windowDays() >= 1 && clawback.windowDays() <= MAX_WINDOW_DAYS,
                () -> invalid(subject, at + "clawback.windowDays", "a clawback window is 1 to " + MAX_WINDOW_DAYS + " days")
                        .withEvidence("windowDays", clawback.windowDays()));
        return checks.thenValid(() -> this);
    }

    private static Checks share(Checks checks, BigDecimal share, String subject, String field, boolean zeroAllowed) {
        return checks.require((zeroAllowed ? share.signum() >= 0 : share.signum() > 0) && share.compareTo(BigDecimal.ONE) <= 0
                        && share.stripTrailingZeros().scale() <= MAX_SHARE_SCALE,
                () -> invalid(subject, field, "a share is " + (zeroAllowed ? "from 0" : "above 0") + " up to 1, with at most "
                        + MAX_SHARE_SCALE + " decimals").withEvidence("value", share.toPlainString()));
    }

    private static Rejection invalid(String subject, String field, String message) {
        return Rejection.of(SettlementRejection.TERMS_INVALID, subject, field, message);
    }

    /**
     * Monthly advances with quarterly (and year-end) true-up.
     *
     * @param rate the share of a month's earnings advanced, above 0 up to 1 (e.g. 0.8), at most 6 decimals
     */
    public record Advances(BigDecimal rate) {
        public Advances {
            Objects.requireNonNull(rate, "rate");
        }
    }

    /** Whether a draw's top-up is owed back. */
    public enum DrawKind {
        /** The top-up is owed back: the balance goes negative and later excess over the draw repays it. */
        RECOVERABLE,
        /** A guaranteed minimum: the top-up is forgiven at once. */
        NON_RECOVERABLE
    }

    /** What happens to a recoverable draw's outstanding balance when the plan year is closed. */
    public enum YearEndPolicy {
        /** The balance is forgiven. */
        FORGIVE,
        /** The balance is carried into the next plan year's ledger. */
        CARRY_FORWARD
    }

    /**
     * A draw: the least a statement pays.
     *
     * @param kind    recoverable or not
     * @param amount  the guaranteed amount per statement, in major units of the plan currency
     *                (e.g. {@code 1500.00}), greater than zero, at most the currency's minor-unit scale
     * @param yearEnd what happens to an outstanding recoverable balance when the year closes
     */
    public record Draw(DrawKind kind, BigDecimal amount, YearEndPolicy yearEnd) {
        public Draw {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(yearEnd, "yearEnd");
        }

        /** The amount in minor units of {@code currency}; exact (the scale was checked by {@link #validated}). */
        public long amountMinor(Currency currency) {
            return amount.movePointRight(currency.getDefaultFractionDigits()).longValueExact();
        }
    }

    /** When held amounts are released. */
    public enum HoldCondition {
        /** When the customer's payment for the deal is recorded. */
        PAYMENT_RECEIVED,
        /** When the deal's clawback window has passed. */
        CLAWBACK_WINDOW_PASSED
    }

    /**
     * Pay part now, hold the rest.
     *
     * @param share the share of each positive deal amount held, 0 to 1, at most 6 decimals;
     *              {@code held = ⌊amount × share⌋} toward zero to the minor unit
     * @param until the release condition
     */
    public record Hold(BigDecimal share, HoldCondition until) {
        public Hold {
            Objects.requireNonNull(share, "share");
            Objects.requireNonNull(until, "until");
        }
    }

    /** How much of a deal a clawback reverses. */
    public enum ClawbackMode {
        /** All that the deal was paid (times the refunded share). */
        FULL,
        /** What it was paid × {@code (windowDays − elapsed days) ÷ windowDays} (times the refunded share). */
        PRORATED
    }

    /**
     * The clawback policy.
     *
     * @param windowDays        a cancellation counts if it is dated fewer than this many days
     *                          after the deal's credit date, 1 to 3660
     * @param mode              full or prorated by elapsed time
     * @param reducesAttainment whether the cancelled deal's credit also leaves attainment; recorded
     *                          on the clawback event for the calculator, which applies it
     */
    public record Clawback(int windowDays, ClawbackMode mode, boolean reducesAttainment) {
        public Clawback {
            Objects.requireNonNull(mode, "mode");
        }
    }
}
