package dev.saleskernel.compensation;

import dev.saleskernel.period.Period;
import dev.saleskernel.shared.Rejected;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What-if: evaluates plans on a period's credits without storing anything, and compares two
 * plans' payouts per participant. Both plans must pay in the same currency.
 */
public final class WhatIf {
    private WhatIf() {
    }

    /** The draft plan's run on the credits (nothing is stored; same rules as {@link CommissionCalculator#run}). */
    public static Either<Rejected, CompensationRun> evaluate(PlanVersion draft, Period period, List<Participant> participants,
                                                             List<Team> teams, CreditBatch credits) {
        return CommissionCalculator.run(draft, period, participants, teams, credits);
    }

    /**
     * Both plans' totals per participant on the same credits, with the difference
     * ({@code proposed − current}) in minor units; refused with the reasons of either plan. The
     * participants are checked and indexed once ({@link Roster}) for both runs, so a bad
     * participant is reported once, not once per plan.
     */
    public static Either<Rejected, Comparison> compare(PlanVersion current, PlanVersion proposed, Period period,
                                                       List<Participant> participants, List<Team> teams, CreditBatch credits) {
        if (!current.currency().equals(proposed.currency())) {
            throw new IllegalArgumentException("plans pay in different currencies: " + current.currency() + ", " + proposed.currency());
        }
        Either<Rejected, Roster> roster = Roster.of(participants);
        if (roster.isLeft()) {
            return Either.left(roster.getLeft());
        }
        Either<Rejected, CompensationRun> before = CommissionCalculator.run(current, period, roster.get(), teams, credits);
        Either<Rejected, CompensationRun> after = CommissionCalculator.run(proposed, period, roster.get(), teams, credits);
        if (before.isLeft() || after.isLeft()) {
            List<dev.saleskernel.shared.Rejection> reasons = new ArrayList<>();
            before.swap().forEach(r -> reasons.addAll(r.reasons()));
            after.swap().forEach(r -> reasons.addAll(r.reasons()));
            return Either.left(new Rejected(reasons));
        }
        List<Row> rows = new ArrayList<>();
        for (Participant participant : participants) {
            rows.add(new Row(participant.id(), before.get().totalMinor(participant.id()), after.get().totalMinor(participant.id())));
        }
        return Either.right(new Comparison(before.get(), after.get(), rows));
    }

    /**
     * The comparison: each participant's totals under both plans, and the runs for line detail.
     */
    public record Comparison(CompensationRun current, CompensationRun proposed, List<Row> rows) {
        public Comparison {
            Objects.requireNonNull(current, "current");
            Objects.requireNonNull(proposed, "proposed");
            rows = List.copyOf(rows);
        }

        /** The total difference over all participants, minor units. */
        public long differenceMinor() {
            return Math.subtractExact(proposed.totalMinor(), current.totalMinor());
        }
    }

    /** One participant's totals under both plans, minor units. */
    public record Row(String participantId, long currentMinor, long proposedMinor) {
        /** {@code proposed − current}. */
        public long differenceMinor() {
            return Math.subtractExact(proposedMinor, currentMinor);
        }
    }
}
