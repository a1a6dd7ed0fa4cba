package dev.saleskernel.compensation;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * One component of a compensation plan. Amounts are minor units of the plan currency; rates and
 * percentages are whole millionths ({@code ppm}: 5% = 50,000; 100% attainment = 1,000,000).
 *
 * <p>The credited measure {@code X} of a participant is the period-to-date sum of all credit
 * lines the participant holds in the period for the plan's earning event plus reversals (split
 * shares applied), clipped at zero for payouts. Attainment is {@code X ÷ quota}, computed on that
 * cumulative sum, never line by line.
 *
 * <p>Every component has {@link Limits}, applied in this order: gate (nothing below a minimum
 * attainment), floor, period cap, plan-year cap (the year cap less what the component already
 * earned earlier in the plan year).
 */
public sealed interface PlanComponent {
    /** The component's id, unique in its plan. */
    String id();

    /** Gate, caps and floor. */
    Limits limits();

    /** The type name used in plan JSON ({@code flat-rate}, {@code tiered}, ...). */
    String type();

    /** Whether the amount is the exact sum of per-deal payouts. */
    boolean dealAttributable();

    /** The type names the calculator knows, as in plan JSON. */
    List<String> TYPES = List.of("base-salary", "flat-rate", "tiered", "payout-curve", "breakthrough", "team-pool", "spiff");

    /**
     * A cap or floor: an absolute amount, or a multiple of the participant's period target
     * incentive ({@code multiple ppm × TI / 1,000,000}, HALF_EVEN).
     */
    record Limit(long value, boolean multipleOfTargetIncentive) {
        /** The limit in minor units for a period target incentive. */
        public long resolve(long targetIncentiveMinor) {
            return multipleOfTargetIncentive ? Rate.apply(targetIncentiveMinor, value) : value;
        }
    }

    /**
     * @param gatePpm     the minimum attainment (millionths) below which the component pays nothing
     * @param floor       the least the component pays once the gate is passed
     * @param periodCap   the most it pays in a period
     * @param yearCap     the most it pays in a plan year, earlier periods of the year included
     */
    record Limits(Optional<Long> gatePpm, Optional<Limit> floor, Optional<Limit> periodCap, Optional<Limit> yearCap) {
        /** No gate, no floor, no caps. */
        public static final Limits NONE = new Limits(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        public Limits {
            Objects.requireNonNull(gatePpm, "gatePpm");
            Objects.requireNonNull(floor, "floor");
            Objects.requireNonNull(periodCap, "periodCap");
            Objects.requireNonNull(yearCap, "yearCap");
        }
    }

    /** Whether tier bounds are amounts (minor units) or attainment (millionths of quota). */
    enum Basis { AMOUNT, ATTAINMENT }

    /**
     * How a tier pays. {@link #MARGINAL}: the slice of the measure inside the tier at the tier's
     * rate. {@link #RETROACTIVE}: when it is the highest retroactive tier reached, everything from
     * 0 up to the measure (or the tier's end) at the tier's rate, replacing the tiers below it;
     * tiers above a retroactive tier still pay marginally (hybrid plans).
     */
    enum Mode { MARGINAL, RETROACTIVE }

    /**
     * A half-open tier {@code [from, to)}; {@code to == Long.MAX_VALUE} means open-ended.
     *
     * @param from    inclusive lower bound (minor units or attainment millionths)
     * @param to      exclusive upper bound
     * @param ratePpm the rate, millionths of the measure
     * @param mode    marginal or retroactive
     */
    record Tier(long from, long to, long ratePpm, Mode mode) {
        /** Whether the tier has no upper bound. */
        public boolean openEnded() {
            return to == Long.MAX_VALUE;
        }
    }

    /** Base salary for the period: the annual base of the pay mix × the period's share of the year. */
    record BaseSalary(String id, Limits limits) implements PlanComponent {
        public String type() {
            return "base-salary";
        }

        public boolean dealAttributable() {
            return false;
        }
    }

    /** {@code payout = round(X × rate)}. */
    record FlatRate(String id, long ratePpm, Limits limits) implements PlanComponent {
        public String type() {
            return "flat-rate";
        }

        public boolean dealAttributable() {
            return true;
        }
    }

    /**
     * Tiered rates: {@code payout = round(Σ slices × rates)} with the retroactive rule of
     * {@link Mode}. Attainment bounds become amounts as {@code round(quota × bound)} HALF_EVEN.
     */
    record Tiered(String id, Basis basis, List<Tier> tiers, Limits limits) implements PlanComponent {
        public Tiered {
            tiers = List.copyOf(tiers);
        }

        public String type() {
            return "tiered";
        }

        public boolean dealAttributable() {
            return true;
        }

        /** Whether rates never fall from one tier to the next (no decelerator). */
        public boolean nonDecreasing() {
            for (int i = 1; i < tiers.size(); i++) {
                if (tiers.get(i).ratePpm() < tiers.get(i - 1).ratePpm()) {
                    return false;
                }
            }
            return true;
        }
    }

    /** How a payout curve reads between its points. */
    enum Interpolation { STEPS, LINEAR }

    /** One point of a payout curve: at {@code attainmentPpm}, pay {@code payoutPpm} of the target incentive. */
    record CurvePoint(long attainmentPpm, long payoutPpm) {
    }

    /**
     * A payout curve: {@code payout = round(TI × curve(attainment))}. STEPS takes the highest
     * point at or below the attainment; LINEAR interpolates exactly between the two points around
     * it (one rounding at the end). Below the first point the curve pays nothing; above the last
     * it stays at the last point.
     */
    record PayoutCurve(String id, Interpolation interpolation, List<CurvePoint> points, Limits limits)
            implements PlanComponent {
        public PayoutCurve {
            points = List.copyOf(points);
        }

        public String type() {
            return "payout-curve";
        }

        public boolean dealAttributable() {
            return false;
        }
    }

    /**
     * A breakthrough bonus (突破奖励): at attainment ≥ {@code minAttainmentPpm}, pays
     * {@code fixedMinor} or {@code round(TI × percentOfTargetPpm)}; exactly one of the two is present.
     */
    record Breakthrough(String id, long minAttainmentPpm, Optional<Long> fixedMinor, Optional<Long> percentOfTargetPpm,
                        Limits limits) implements PlanComponent {
        public String type() {
            return "breakthrough";
        }

        public boolean dealAttributable() {
            return false;
        }
    }

    /**
     * A team pool: {@code pool = round(max(0, teamRevenue − teamTarget) × rate)}, where team
     * revenue is the sum of direct and split credit held by the team's members; the pool is shared
     * among members by their pool weights with exact largest-remainder allocation.
     */
    record TeamPool(String id, long ratePpm, Limits limits) implements PlanComponent {
        public String type() {
            return "team-pool";
        }

        public boolean dealAttributable() {
            return false;
        }
    }

    /**
     * A SPIFF: for credit on the listed products (all products when empty) dated in
     * {@code [from, until)}, pays {@code round(qualifying X × rate)} when {@code ratePpm} is
     * present, else {@code perDealMinor} for each deal with positive qualifying credit.
     */
    record Spiff(String id, Set<String> products, LocalDate from, LocalDate until, Optional<Long> ratePpm,
                 Optional<Long> perDealMinor, Limits limits) implements PlanComponent {
        public Spiff {
            products = Set.copyOf(products);
        }

        public String type() {
            return "spiff";
        }

        public boolean dealAttributable() {
            return true;
        }
    }
}
