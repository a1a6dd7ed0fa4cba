package dev.saleskernel.kpi;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * The value of one KPI in one cell: defined, with its exact numerator and denominator kept beside
 * the rounded value, or undefined with its reason. A zero denominator is never reported as 0 or
 * NaN.
 */
public sealed interface KpiValue {
    /** Why a value is undefined. */
    enum Reason {
        /** The denominator (named in {@link Undefined#denominator()}) is zero in this cell. */
        ZERO_DENOMINATOR,
        /** The comparison period has no value to grow from. */
        NO_BASELINE,
        /** Nobody churned, so lifetime value has no finite horizon. */
        NO_CHURN,
        /** The cell has no target to compare with. */
        NO_TARGET
    }

    /**
     * A defined value.
     *
     * @param value       rounded at the KPI's declared scale, HALF_EVEN (money in major units, e.g. 1234.50)
     * @param numerator   the exact numerator (money in major units, counts as counts; for non-ratio KPIs the value itself)
     * @param denominator the exact denominator (1 for non-ratio KPIs)
     */
    record Defined(BigDecimal value, BigDecimal numerator, BigDecimal denominator) implements KpiValue {
        public Defined {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(numerator, "numerator");
            Objects.requireNonNull(denominator, "denominator");
        }

        @Override
        public Optional<BigDecimal> asOptional() {
            return Optional.of(value);
        }

        @Override
        public String toString() {
            return value.toPlainString();
        }
    }

    /**
     * An undefined value.
     *
     * @param reason      why
     * @param denominator what was zero or missing, e.g. {@code orders}
     */
    record Undefined(Reason reason, String denominator) implements KpiValue {
        public Undefined {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(denominator, "denominator");
        }

        @Override
        public Optional<BigDecimal> asOptional() {
            return Optional.empty();
        }

        @Override
        public String toString() {
            return "undefined (" + reason + ": " + denominator + ")";
        }
    }

    /** The rounded value, or empty when undefined. */
    Optional<BigDecimal> asOptional();

    default boolean isDefined() {
        return this instanceof Defined;
    }
}
