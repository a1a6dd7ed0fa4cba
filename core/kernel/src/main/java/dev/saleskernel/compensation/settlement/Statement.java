package dev.saleskernel.compensation.settlement;

import dev.saleskernel.period.Period;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.PendingApproval;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What one participant is paid for one pay period: its lines, in order. Open statements take new
 * lines; once proposed for finalisation they wait for a second person; a finalised statement is
 * immutable — any later change is an adjustment line in an open period.
 *
 * @param period       the pay period
 * @param status       open, awaiting approval or finalised
 * @param lines        the lines, numbered from 1
 * @param finalisation the proposal to finalise, while awaiting approval (the proposal text is the total)
 * @param finalisedBy  who approved the finalisation
 * @param finalisedAt  when
 */
public record Statement(Period period, StatementStatus status, List<StatementLine> lines,
                        Optional<PendingApproval<String>> finalisation, Optional<ActorId> finalisedBy,
                        Optional<Instant> finalisedAt) {
    public Statement {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(status, "status");
        lines = List.copyOf(lines);
        Objects.requireNonNull(finalisation, "finalisation");
        Objects.requireNonNull(finalisedBy, "finalisedBy");
        Objects.requireNonNull(finalisedAt, "finalisedAt");
    }

    static Statement open(Period period) {
        return new Statement(period, StatementStatus.OPEN, List.of(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The sum of all lines: what the statement pays, in minor units (negative: owed back). */
    public long totalMinor() {
        long total = 0;
        for (StatementLine line : lines) {
            total = Math.addExact(total, line.amountMinor());
        }
        return total;
    }

    /** Totals per component id, in the order components first appear. */
    public Map<String, Long> totalsByComponent() {
        Map<String, Long> totals = new LinkedHashMap<>();
        for (StatementLine line : lines) {
            totals.merge(line.componentId(), line.amountMinor(), Math::addExact);
        }
        return Collections.unmodifiableMap(totals);
    }

    /** The line with this number. */
    public Optional<StatementLine> line(int number) {
        return number >= 1 && number <= lines.size() ? Optional.of(lines.get(number - 1)) : Optional.empty();
    }

    Statement withLines(List<StatementLine> added) {
        List<StatementLine> all = new ArrayList<>(lines);
        all.addAll(added);
        return new Statement(period, status, all, finalisation, finalisedBy, finalisedAt);
    }

    Statement with(StatementStatus newStatus, List<StatementLine> newLines, Optional<PendingApproval<String>> pending,
                   Optional<ActorId> by, Optional<Instant> at) {
        return new Statement(period, newStatus, newLines, pending, by, at);
    }
}
