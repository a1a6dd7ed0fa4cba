package dev.saleskernel.compensation;

import static dev.saleskernel.compensation.CompensationRejection.PARTICIPANT_INVALID;

import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import io.vavr.control.Either;
import java.util.List;

/**
 * A plan's participants, checked and indexed once, so that every run over them (the months and
 * the quarter of a true-up, a recompute, both sides of a what-if) skips both steps. Build one per
 * participant list with {@link #of(List)}; {@link CommissionCalculator#run(PlanVersion,
 * dev.saleskernel.period.Period, Roster, List, CreditBatch)} takes it in place of the list, and the
 * list overload builds one per call. Immutable and safe to share between threads.
 *
 * <p>Checked here, each reason with its field ({@code participants[i].…}): an id is listed once,
 * a quota is positive, on-target earnings are never negative, a pool weight is positive. Whether a
 * participant's team is listed depends on the run's teams and plan, so the run checks it.
 *
 * <p>Kept for runs: the participants in the given order, their positions by id (an
 * open-addressing table on the ids' hashes, which a credit batch also keeps, holding the ids by
 * position), and their quotas (minor units) as a column, which a run and its statements read
 * without visiting the participant records.
 */
public final class Roster {
    private final List<Participant> participants;
    final ParticipantIndex index;
    /** Each participant's quota in minor units, by position (read by runs without visiting the participants). */
    final long[] quota;

    private Roster(List<Participant> participants, ParticipantIndex index) {
        this.participants = participants;
        this.index = index;
        this.quota = new long[participants.size()];
        for (int i = 0; i < quota.length; i++) {
            quota[i] = participants.get(i).quotaMinor();
        }
    }

    /** The roster of these participants, in this order, or every reason a participant is invalid. */
    public static Either<Rejected, Roster> of(List<Participant> participants) {
        List<Participant> copy = List.copyOf(participants);
        ParticipantIndex index = ParticipantIndex.of(copy);
        Checks checks = Checks.start();
        for (int i = 0; i < copy.size(); i++) {
            checks = check(copy.get(i), i, index, checks);
        }
        return checks.passed() ? Either.right(new Roster(copy, index)) : checks.thenRight(() -> null);
    }

    /** The roster of an immutable list of participants already checked against {@code index}, its own index. */
    static Roster checked(List<Participant> participants, ParticipantIndex index) {
        return new Roster(participants, index);
    }

    /** Adds to {@code checks} a reason for each rule the participant at position {@code i} breaks (see the class comment). */
    static Checks check(Participant p, int i, ParticipantIndex index, Checks checks) {
        boolean listedOnce = !index.repeated(i);
        if (listedOnce && p.quotaMinor() > 0 && p.annualOteMinor() >= 0 && p.poolWeight() > 0) {
            return checks; // valid: no reasons to build
        }
        String at = "participants[" + i + "]";
        return checks.require(listedOnce, () -> Rejection.of(PARTICIPANT_INVALID, "compensation-run", at + ".id",
                        "a participant is listed once").withEvidence("id", p.id()))
                .require(p.quotaMinor() > 0, () -> Rejection.of(PARTICIPANT_INVALID, "compensation-run", at + ".quota",
                        "a quota is positive"))
                .require(p.annualOteMinor() >= 0, () -> Rejection.of(PARTICIPANT_INVALID, "compensation-run",
                        at + ".annualOte", "on-target earnings are never negative"))
                .require(p.poolWeight() > 0, () -> Rejection.of(PARTICIPANT_INVALID, "compensation-run",
                        at + ".poolWeight", "a pool weight is positive"));
    }

    /** The participants, in the order given. */
    public List<Participant> participants() {
        return participants;
    }

    /** How many participants. */
    public int size() {
        return participants.size();
    }
}
