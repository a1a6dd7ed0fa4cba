package dev.saleskernel.target;

import dev.saleskernel.shared.Rejection;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The SMART checks of a target against its parent and its history. Refusals: negative amount,
 * amount above {@link TargetPlan#MAX_AMOUNT},
 * period outside the parent's, metric or unit different from the parent's. Warning: growth over
 * history beyond {@code maxGrowth} (e.g. {@code 0.50} flags more than +50%), computed exactly as
 * {@code (amount − history) ÷ history}.
 */
public final class SmartCheck {
    /** The growth bound used unless the host configures another: +50% over history. */
    public static final BigDecimal DEFAULT_MAX_GROWTH = new BigDecimal("0.50");

    private SmartCheck() {
    }

    /** What the checks found: refusals stop the command, warnings are recorded with it. */
    public record Report(List<Rejection> refusals, List<Rejection> warnings) {
        public Report {
            refusals = List.copyOf(refusals);
            warnings = List.copyOf(warnings);
        }
    }

    public static Report check(Target target, Optional<Target> parent, Optional<Long> history, BigDecimal maxGrowth,
                               String subject) {
        List<Rejection> refusals = new ArrayList<>();
        List<Rejection> warnings = new ArrayList<>();
        if (target.amount() < 0) {
            refusals.add(Rejection.of(TargetRejection.NEGATIVE_AMOUNT, subject, "amount", "a target must not be negative")
                    .withEvidence("amount", target.amount()));
        }
        if (target.amount() > TargetPlan.MAX_AMOUNT) {
            refusals.add(Rejection.of(TargetRejection.AMOUNT_OUT_OF_RANGE, subject, "amount",
                    "a target is at most " + TargetPlan.MAX_AMOUNT).withEvidence("amount", target.amount()));
        }
        parent.ifPresent(p -> {
            if (!p.period().contains(target.period())) {
                refusals.add(Rejection.of(TargetRejection.PERIOD_OUTSIDE_PARENT, subject, "period",
                                "the target's period must lie inside its parent's")
                        .withEvidence("period", target.period().label()).withEvidence("parentPeriod", p.period().label()));
            }
            if (!p.metric().equals(target.metric()) || !p.unit().equals(target.unit())) {
                refusals.add(Rejection.of(TargetRejection.METRIC_NOT_ALIGNED, subject, "metric",
                                "the target must measure what its parent measures, in the same unit")
                        .withEvidence("metric", target.metric() + " " + target.unit())
                        .withEvidence("parentMetric", p.metric() + " " + p.unit()));
            }
        });
        history.filter(h -> h > 0).ifPresent(h -> {
            BigDecimal increase = BigDecimal.valueOf(target.amount()).subtract(BigDecimal.valueOf(h));
            BigDecimal growth = increase.divide(BigDecimal.valueOf(h), 4, RoundingMode.HALF_EVEN);
            if (increase.compareTo(maxGrowth.multiply(BigDecimal.valueOf(h))) > 0) {
                warnings.add(Rejection.of(TargetRejection.GROWTH_BEYOND_BOUND, subject, "amount",
                                "growth over history beyond the configured bound")
                        .withEvidence("growth", growth.toPlainString()).withEvidence("bound", maxGrowth.toPlainString()));
            }
        });
        return new Report(refusals, warnings);
    }
}
