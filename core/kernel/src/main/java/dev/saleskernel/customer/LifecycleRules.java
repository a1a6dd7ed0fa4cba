package dev.saleskernel.customer;

import dev.saleskernel.customer.AccountValues.PurchaseFact;
import dev.saleskernel.customer.AccountValues.SatisfactionScore;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * The rules that compute an account's {@link LifecycleStage} on a day — data with named
 * thresholds, never a stage typed in by a user. Evaluated in this order:
 * <ol>
 *   <li>no purchase fact on or before the day → {@link LifecycleStage#PROSPECT};</li>
 *   <li>days since the last purchase ≥ {@code churnedAfterDays} → {@link LifecycleStage#CHURNED};</li>
 *   <li>days since the last purchase ≥ {@code atRiskAfterDays}, or the latest satisfaction score
 *       on or before the day is below {@code satisfactionBelow} → {@link LifecycleStage#AT_RISK};</li>
 *   <li>otherwise → {@link LifecycleStage#ACTIVE} (the first purchase makes a prospect active).</li>
 * </ol>
 * Days are whole calendar days ({@code ChronoUnit.DAYS.between(lastPurchase, day)}).
 *
 * @param atRiskAfterDays   days without a purchase after which an account is at risk (at least 1)
 * @param churnedAfterDays  days without a purchase after which it is churned (more than {@code atRiskAfterDays})
 * @param satisfactionBelow a latest score below this (0–11 on the 0–10 scale; 0 disables the rule) puts it at risk
 */
public record LifecycleRules(int atRiskAfterDays, int churnedAfterDays, int satisfactionBelow) {

    /** 90 days → at risk, 180 days → churned, satisfaction below 6 → at risk. */
    public static final LifecycleRules DEFAULTS = new LifecycleRules(90, 180, 6);

    /** The rules, or every broken constraint at once. */
    public static io.vavr.control.Either<dev.saleskernel.shared.Rejected, LifecycleRules> of(int atRiskAfterDays,
                                                                                             int churnedAfterDays,
                                                                                             int satisfactionBelow) {
        String subject = "lifecycle-rules";
        return Checks.start()
                .require(atRiskAfterDays >= 1, () -> Rejection.of(SharedRejection.NOT_ALLOWED, subject, "atRiskAfterDays",
                        "must be at least 1 day").withEvidence("atRiskAfterDays", atRiskAfterDays))
                .require(churnedAfterDays > atRiskAfterDays, () -> Rejection.of(SharedRejection.NOT_ALLOWED, subject,
                        "churnedAfterDays", "must be more days than atRiskAfterDays")
                        .withEvidence("churnedAfterDays", churnedAfterDays).withEvidence("atRiskAfterDays", atRiskAfterDays))
                .require(satisfactionBelow >= 0 && satisfactionBelow <= SatisfactionScore.MAX_SCORE + 1,
                        () -> Rejection.of(SharedRejection.NOT_ALLOWED, subject, "satisfactionBelow",
                                "must be 0 to " + (SatisfactionScore.MAX_SCORE + 1)).withEvidence("satisfactionBelow", satisfactionBelow))
                .thenRight(() -> new LifecycleRules(atRiskAfterDays, churnedAfterDays, satisfactionBelow));
    }

    public LifecycleRules {
        if (atRiskAfterDays < 1 || churnedAfterDays <= atRiskAfterDays || satisfactionBelow < 0
                || satisfactionBelow > SatisfactionScore.MAX_SCORE + 1) {
            throw new IllegalArgumentException("invalid lifecycle rules; build them with LifecycleRules.of to get every reason");
        }
    }

    /** The stage computed from the purchase facts and satisfaction scores as they stood on {@code day}. */
    public LifecycleStage stageOn(LocalDate day, Collection<PurchaseFact> purchases, Collection<SatisfactionScore> scores) {
        Optional<LocalDate> lastPurchase = purchases.stream().map(PurchaseFact::on).filter(d -> !d.isAfter(day))
                .max(Comparator.naturalOrder());
        if (lastPurchase.isEmpty()) {
            return LifecycleStage.PROSPECT;
        }
        long idle = ChronoUnit.DAYS.between(lastPurchase.get(), day);
        if (idle >= churnedAfterDays) {
            return LifecycleStage.CHURNED;
        }
        Optional<SatisfactionScore> latest = scores.stream().filter(s -> !s.on().isAfter(day))
                .max(Comparator.comparing(SatisfactionScore::on).thenComparing(SatisfactionScore::sourceId));
        boolean unhappy = latest.isPresent() && latest.get().score() < satisfactionBelow;
        return idle >= atRiskAfterDays || unhappy ? LifecycleStage.AT_RISK : LifecycleStage.ACTIVE;
    }
}
