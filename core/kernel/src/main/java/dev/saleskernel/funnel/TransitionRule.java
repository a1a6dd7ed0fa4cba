package dev.saleskernel.funnel;

import java.util.List;
import java.util.Objects;

/**
 * An explicit move between two stages, with its Blueprint-style requirements: <em>before</em>
 * (the target stage's entry criteria plus {@code requiredRole}), <em>during</em> (inputs the
 * mover must give in the move command) and <em>after</em> (follow-up actions the move announces
 * in its event, for the host to carry out). A rule also allows a move the generic
 * {@link AllowedMoves} would not.
 *
 * @param from          source stage id
 * @param to            target stage id
 * @param requiredRole  role the mover must hold (answered by the host's {@link StageRoles}); empty for anybody
 * @param duringInputs  names of inputs the move command must carry, non-blank (e.g. {@code approvalNote})
 * @param afterActions  follow-up actions announced by the move's event (e.g. {@code notify-finance})
 */
public record TransitionRule(String from, String to, String requiredRole, List<String> duringInputs,
                             List<String> afterActions) {
    public TransitionRule {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(requiredRole, "requiredRole");
        duringInputs = List.copyOf(Objects.requireNonNull(duringInputs, "duringInputs"));
        afterActions = List.copyOf(Objects.requireNonNull(afterActions, "afterActions"));
    }
}
