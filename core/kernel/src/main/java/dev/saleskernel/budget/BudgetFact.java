package dev.saleskernel.budget;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One execution fact, recorded once under its source id (the host's purchase order, invoice or
 * expense claim id): recording the same fact again changes nothing; the same source id with
 * other content is refused.
 *
 * <ul>
 *   <li>{@link Kind#COMMITMENT}: {@code committed += amount} on the line of (category, unit, date);</li>
 *   <li>{@link Kind#ACTUAL}: {@code actual += amount} on that line;</li>
 *   <li>{@link Kind#RELEASE}: {@code committed −= amount} on the line of commitment {@code commitmentId};</li>
 *   <li>{@link Kind#CONVERSION}: {@code committed −= amount, actual += amount} on that line.</li>
 * </ul>
 *
 * @param amount       minor units of the budget's currency, positive
 * @param commitmentId the commitment released or converted; empty for COMMITMENT and ACTUAL
 */
public record BudgetFact(String sourceId, Kind kind, CostCategory category, String unitId, LocalDate date, long amount,
                         String commitmentId, String description) {
    /** What the fact does to the line's figures. */
    public enum Kind {
        COMMITMENT, ACTUAL, RELEASE, CONVERSION
    }

    public BudgetFact {
        Objects.requireNonNull(sourceId, "sourceId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(category, "category");
        Objects.requireNonNull(unitId, "unitId");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(commitmentId, "commitmentId");
        Objects.requireNonNull(description, "description");
    }

    /** The change this fact makes to the line's committed figure. */
    public long committedDelta() {
        return switch (kind) {
            case COMMITMENT -> amount;
            case RELEASE, CONVERSION -> -amount;
            case ACTUAL -> 0;
        };
    }

    /** The change this fact makes to the line's actual figure. */
    public long actualDelta() {
        return kind == Kind.ACTUAL || kind == Kind.CONVERSION ? amount : 0;
    }
}
