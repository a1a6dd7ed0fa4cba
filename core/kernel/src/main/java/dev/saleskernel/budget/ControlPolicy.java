package dev.saleskernel.budget;

import java.util.Objects;

/**
 * How a line controls spend, as ERPNext's budget offers: one action for the line's own period
 * and one for the year-to-date accumulated budget (the budget of every line of the same category
 * and unit from the start of the budget period to the end of this line's period). A spend
 * "crosses" a limit when {@code committed + actual + requested > budget}; exactly reaching it is
 * within the limit.
 *
 * @param period      the action when the line's period budget would be crossed
 * @param accumulated the action when the accumulated (year-to-date) budget would be crossed
 */
public record ControlPolicy(Action period, Action accumulated) {
    /** What happens on a crossing: STOP refuses with the figures, WARN accepts and raises a warning event, IGNORE accepts. */
    public enum Action {
        STOP, WARN, IGNORE
    }

    /** Refuse on both checks. */
    public static final ControlPolicy STRICT = new ControlPolicy(Action.STOP, Action.STOP);
    /** No control at all. */
    public static final ControlPolicy NONE = new ControlPolicy(Action.IGNORE, Action.IGNORE);

    public ControlPolicy {
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(accumulated, "accumulated");
    }

    public static ControlPolicy of(Action period, Action accumulated) {
        return new ControlPolicy(period, accumulated);
    }
}
