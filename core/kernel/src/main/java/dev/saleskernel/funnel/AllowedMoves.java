package dev.saleskernel.funnel;

import java.util.Objects;

/**
 * The generic moves a pipeline allows between stages in their order, besides its explicit
 * {@link TransitionRule}s. Losing is allowed from every open stage; winning is entering the won
 * stage, which comes after the last open stage.
 *
 * @param next      to the following stage in order (the last open stage's next is won)
 * @param skipAhead to any later stage, won included
 * @param back      to any earlier open stage
 * @param skipRole  role the mover must hold to skip ahead; empty for anybody
 * @param backRole  role the mover must hold to move back; empty for anybody
 */
public record AllowedMoves(boolean next, boolean skipAhead, boolean back, String skipRole, String backRole) {
    public static final AllowedMoves NEXT_ONLY = new AllowedMoves(true, false, false, "", "");

    public AllowedMoves {
        Objects.requireNonNull(skipRole, "skipRole");
        Objects.requireNonNull(backRole, "backRole");
    }
}
