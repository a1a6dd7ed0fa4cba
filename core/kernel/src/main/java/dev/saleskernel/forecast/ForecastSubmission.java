package dev.saleskernel.forecast;

import dev.saleskernel.funnel.ForecastCategory;
import dev.saleskernel.kpi.KpiValue;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Membership;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.period.Period;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A team's forecast for one period as submitted (one per tenant, team and period; record id
 * {@link #recordId}): the figures per member computed on the snapshot date, and the managers'
 * adjustments recorded beside them with who and why. The opportunities are never written; the
 * adjusted forecast is always {@code submitted + Σ adjustments}, so the audit trail shows both.
 *
 * <p>Rules: only a manager of the team or of a unit above it on the hierarchy date
 * ({@link Forecasting#hierarchyDate}) submits or adjusts; only members of the team on that date
 * can be adjusted (nobody outside the sales hierarchy enters a forecast); only commit, best case
 * and pipeline are adjustable; no category may become negative; every adjustment has a reason.
 */
public final class ForecastSubmission {
    /**
     * A member's (or the team's) figures in minor units: see {@link Forecast}.
     */
    public record Figures(long closed, long commit, long bestCase, long pipeline, long weighted) {
        public static final Figures ZERO = new Figures(0, 0, 0, 0, 0);

        static Figures of(Forecast f) {
            return new Figures(f.closed(), f.commit(), f.bestCase(), f.pipeline(), f.weighted());
        }

        public long commitRollup() {
            return Math.addExact(closed, commit);
        }

        public long bestCaseRollup() {
            return Math.addExact(commitRollup(), bestCase);
        }

        public long pipelineRollup() {
            return Math.addExact(bestCaseRollup(), pipeline);
        }

        public long get(ForecastCategory category) {
            return switch (category) {
                case COMMIT -> commit;
                case BEST_CASE -> bestCase;
                case PIPELINE -> pipeline;
                case CLOSED -> closed;
                case OMITTED -> 0;
            };
        }

        Figures plus(ForecastCategory category, long delta) {
            return switch (category) {
                case COMMIT -> new Figures(closed, Math.addExact(commit, delta), bestCase, pipeline, weighted);
                case BEST_CASE -> new Figures(closed, commit, Math.addExact(bestCase, delta), pipeline, weighted);
                case PIPELINE -> new Figures(closed, commit, bestCase, Math.addExact(pipeline, delta), weighted);
                default -> throw new IllegalArgumentException("not adjustable: " + category);
            };
        }

        Figures plus(Figures other) {
            return new Figures(Math.addExact(closed, other.closed), Math.addExact(commit, other.commit),
                    Math.addExact(bestCase, other.bestCase), Math.addExact(pipeline, other.pipeline), Math.addExact(weighted, other.weighted));
        }
    }

    /** One manager adjustment, kept beside the submitted figures. */
    public record Adjustment(String ownerId, ForecastCategory category, long deltaMinor, String reason, ActorId actor, Instant at) {
        public Adjustment {
            Objects.requireNonNull(ownerId, "ownerId");
            Objects.requireNonNull(category, "category");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(actor, "actor");
            Objects.requireNonNull(at, "at");
        }
    }

    private final TenantId tenantId;
    private final String teamId;
    private final Period period;
    private final LocalDate snapshotDate;
    private final ActorId submittedBy;
    private final Instant submittedAt;
    private final Map<String, Figures> lines;
    private final List<Adjustment> adjustments;

    private ForecastSubmission(TenantId tenantId, String teamId, Period period, LocalDate snapshotDate, ActorId submittedBy,
                               Instant submittedAt, Map<String, Figures> lines, List<Adjustment> adjustments) {
        this.tenantId = Objects.requireNonNull(tenantId, "tenantId");
        this.teamId = Objects.requireNonNull(teamId, "teamId");
        this.period = Objects.requireNonNull(period, "period");
        this.snapshotDate = Objects.requireNonNull(snapshotDate, "snapshotDate");
        this.submittedBy = Objects.requireNonNull(submittedBy, "submittedBy");
        this.submittedAt = Objects.requireNonNull(submittedAt, "submittedAt");
        this.lines = Collections.unmodifiableMap(new TreeMap<>(lines));
        this.adjustments = List.copyOf(adjustments);
    }

    /** The record id of a team's submission for a period, e.g. {@code sh@FY2026-Q1}. */
    public static String recordId(String teamId, Period period) {
        return teamId + "@" + period.label();
    }

    private static String subject(String teamId, Period period) {
        return "forecast-submission:" + recordId(teamId, period);
    }

    /** Whether {@code actor} manages {@code teamId} (a MANAGER membership in it or a unit above it) on {@code date}. */
    public static boolean manages(OrgStructure org, ActorId actor, String teamId, LocalDate date) {
        for (Membership m : org.unitsOf(actor.value(), date)) {
            if (m.role() == Role.MANAGER && org.isWithinOn(teamId, m.unitId(), date)) {
                return true;
            }
        }
        return false;
    }

    /** Submits a team's forecast as computed on {@code snapshotDate}; refused unless the actor manages the team. */
    public static Either<Rejected, Change<ForecastSubmission>> submit(TenantId tenantId, OrgStructure org,
                                                                      Forecasting.TeamForecast forecast, LocalDate snapshotDate,
                                                                      ActorId actor, Instant at) {
        String teamId = forecast.team().scope();
        Period period = forecast.team().period();
        LocalDate on = Forecasting.hierarchyDate(period, snapshotDate);
        return Checks.start()
                .require(manages(org, actor, teamId, on), () -> Rejection.of(ForecastRejection.NOT_A_MANAGER, subject(teamId, period),
                        "actor", actor.value() + " does not manage " + teamId + " on " + on))
                .thenRight(() -> {
                    Map<String, Figures> lines = new TreeMap<>();
                    forecast.byOwner().forEach((owner, f) -> lines.put(owner, Figures.of(f)));
                    ForecastSubmission submission = new ForecastSubmission(tenantId, teamId, period, snapshotDate, actor, at, lines,
                            List.of());
                    return Change.of(submission, new ForecastEvents.ForecastSubmitted(tenantId, teamId, period.label(), snapshotDate,
                            submission.submitted(), actor, at));
                });
    }

    /**
     * Records a manager's adjustment of one member's category by {@code deltaMinor} (negative to
     * lower it), with a reason; refused with every broken rule.
     */
    public Either<Rejected, Change<ForecastSubmission>> adjust(OrgStructure org, String ownerId, ForecastCategory category,
                                                               long deltaMinor, String reason, ActorId actor, Instant at) {
        String subject = subject(teamId, period);
        LocalDate on = Forecasting.hierarchyDate(period, snapshotDate);
        boolean adjustable = category == ForecastCategory.COMMIT || category == ForecastCategory.BEST_CASE
                || category == ForecastCategory.PIPELINE;
        long before = adjusted(ownerId).get(category);
        return Checks.start()
                .require(reason != null && !reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject, "reason",
                        "an adjustment needs a reason for the audit trail"))
                .require(adjustable, () -> Rejection.of(ForecastRejection.CATEGORY_NOT_ADJUSTABLE, subject, "category",
                        category + " cannot be adjusted; only commit, best case and pipeline can"))
                .require(Forecasting.inTeam(org, ownerId, teamId, on), () -> Rejection.of(ForecastRejection.OUTSIDE_SALES_HIERARCHY,
                        subject, "ownerId", ownerId + " is not in " + teamId + " on " + on))
                .require(manages(org, actor, teamId, on), () -> Rejection.of(ForecastRejection.NOT_A_MANAGER, subject, "actor",
                        actor.value() + " does not manage " + teamId + " on " + on))
                .require(!adjustable || before + deltaMinor >= 0, () -> Rejection.of(ForecastRejection.NEGATIVE_FORECAST, subject,
                        "deltaMinor", "the adjustment would make the forecast negative")
                        .withEvidence("current", before).withEvidence("delta", deltaMinor))
                .thenRight(() -> {
                    List<Adjustment> next = new ArrayList<>(adjustments);
                    next.add(new Adjustment(ownerId, category, deltaMinor, reason, actor, at));
                    return Change.of(new ForecastSubmission(tenantId, teamId, period, snapshotDate, submittedBy, submittedAt, lines, next),
                            new ForecastEvents.ForecastAdjusted(tenantId, teamId, period.label(), ownerId, category, deltaMinor, reason,
                                    actor, at));
                });
    }

    /** A member's figures as submitted (zero if the member had no deals). */
    public Figures submitted(String ownerId) {
        return lines.getOrDefault(ownerId, Figures.ZERO);
    }

    /** The team's figures as submitted: the exact sum of the members'. */
    public Figures submitted() {
        Figures total = Figures.ZERO;
        for (Figures f : lines.values()) {
            total = total.plus(f);
        }
        return total;
    }

    /** A member's figures with the adjustments applied. */
    public Figures adjusted(String ownerId) {
        Figures figures = submitted(ownerId);
        for (Adjustment a : adjustments) {
            if (a.ownerId().equals(ownerId)) {
                figures = figures.plus(a.category(), a.deltaMinor());
            }
        }
        return figures;
    }

    /** The team's figures with every adjustment applied. */
    public Figures adjusted() {
        Figures figures = submitted();
        for (Adjustment a : adjustments) {
            figures = figures.plus(a.category(), a.deltaMinor());
        }
        return figures;
    }

    /** Accuracy of the adjusted commit roll-up against the period's actual closed amount ({@link Forecasting#accuracy}). */
    public KpiValue accuracy(long actualClosed) {
        return Forecasting.accuracy(adjusted().commitRollup(), actualClosed);
    }

    public TenantId tenantId() {
        return tenantId;
    }

    public String teamId() {
        return teamId;
    }

    public Period period() {
        return period;
    }

    public LocalDate snapshotDate() {
        return snapshotDate;
    }

    public ActorId submittedBy() {
        return submittedBy;
    }

    public Instant submittedAt() {
        return submittedAt;
    }

    /** Submitted figures per member id. */
    public Map<String, Figures> lines() {
        return lines;
    }

    public List<Adjustment> adjustments() {
        return adjustments;
    }

    /** Rebuilds stored state; for the persistence codec only. */
    public static ForecastSubmission restore(TenantId tenantId, String teamId, Period period, LocalDate snapshotDate,
                                             ActorId submittedBy, Instant submittedAt, Map<String, Figures> lines,
                                             List<Adjustment> adjustments) {
        return new ForecastSubmission(tenantId, teamId, period, snapshotDate, submittedBy, submittedAt, lines, adjustments);
    }

    @Override
    public String toString() {
        return "ForecastSubmission[" + tenantId.value() + " " + recordId(teamId, period) + " snapshot " + snapshotDate + " by "
                + submittedBy.value() + " lines=" + lines + " adjustments=" + adjustments + "]";
    }
}
