package dev.saleskernel.tenant;

import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.PendingApproval;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * The settings aggregate of one tenant (one per tenant, record id {@link #RECORD_ID}).
 *
 * <p>Created by {@link #configure}. Afterwards values change only in two steps: one actor
 * {@linkplain #proposeChange proposes}, another {@linkplain #approveChange approves} (the
 * proposer never can), or the change is {@linkplain #rejectChange rejected}. Changing the fiscal
 * year start or the base currency moves every period and total, so it is never a one-person act.
 */
@Value.Immutable
public abstract class TenantSettings {

    /** Each tenant has exactly one settings record, under this id. */
    public static final String RECORD_ID = "settings";

    public abstract TenantId tenantId();

    public abstract SettingsValues values();

    /** The change waiting for approval, if any. */
    public abstract Optional<PendingApproval<SettingsValues>> pendingChange();

    /** When the values now in force were configured or approved. */
    public abstract Instant effectiveSince();

    String subject() {
        return "tenant-settings:" + tenantId().value();
    }

    /** Creates a tenant's settings. Refused with every broken rule on the values. */
    public static Either<Rejected, Change<TenantSettings>> configure(TenantId tenantId, SettingsValues values,
                                                                     ActorId actor, Instant at) {
        String subject = "tenant-settings:" + tenantId.value();
        return Rejected.toEither(values.validated(subject)).map(valid -> Change.of(
                ImmutableTenantSettings.builder().tenantId(tenantId).values(valid).effectiveSince(at).build(),
                new TenantEvents.TenantConfigured(tenantId, valid, actor, at)));
    }

    /** Proposes new values; they take effect only when somebody else approves them. */
    public Either<Rejected, Change<TenantSettings>> proposeChange(SettingsValues proposed, String reason,
                                                                  ActorId actor, Instant at) {
        return Checks.start()
                .require(pendingChange().isEmpty(), () -> Rejection.of(SharedRejection.CHANGE_ALREADY_PENDING,
                        subject(), "pendingChange", "a change proposed by "
                                + pendingChange().map(p -> p.proposedBy().value()).orElse("") + " waits for a decision"))
                .require(!proposed.equals(values()), () -> Rejection.of(SharedRejection.NOT_ALLOWED, subject(),
                        "values", "the proposal changes nothing"))
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "a change needs a reason for the audit trail"))
                .include(proposed.validated(subject()))
                .thenRight(() -> Change.of(
                        ImmutableTenantSettings.builder().from(this).pendingChange(new PendingApproval<>(proposed, actor, at, reason)).build(),
                        new TenantEvents.SettingsChangeProposed(tenantId(), proposed, reason, actor, at)));
    }

    /** Approves the pending change, which then takes effect. The proposer cannot approve. */
    public Either<Rejected, Change<TenantSettings>> approveChange(ActorId approver, Instant at) {
        if (pendingChange().isEmpty()) {
            return Either.left(nothingPending());
        }
        PendingApproval<SettingsValues> pending = pendingChange().get();
        return pending.approvableBy(approver, subject()).thenRight(() -> Change.of(
                ImmutableTenantSettings.builder().from(this).values(pending.proposal())
                        .pendingChange(Optional.empty()).effectiveSince(at).build(),
                new TenantEvents.SettingsChangeApproved(tenantId(), values(), pending.proposal(),
                        pending.proposedBy(), approver, at)));
    }

    /** Rejects (or, by the proposer, withdraws) the pending change; the values stay as they are. */
    public Either<Rejected, Change<TenantSettings>> rejectChange(String reason, ActorId actor, Instant at) {
        if (pendingChange().isEmpty()) {
            return Either.left(nothingPending());
        }
        return Checks.start()
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "rejecting a change needs a reason for the audit trail"))
                .thenRight(() -> Change.of(ImmutableTenantSettings.builder().from(this).pendingChange(Optional.empty()).build(),
                        new TenantEvents.SettingsChangeRejected(tenantId(), pendingChange().get().proposal(), reason, actor, at)));
    }

    private Rejected nothingPending() {
        return Rejected.of(Rejection.of(SharedRejection.NOTHING_PENDING, subject(), "pendingChange",
                "no change is waiting for a decision"));
    }

    /** Rebuilds stored state; for the persistence codec only, which has validated nothing else. */
    public static TenantSettings restore(TenantId tenantId, SettingsValues values,
                                         Optional<PendingApproval<SettingsValues>> pending, Instant effectiveSince) {
        return ImmutableTenantSettings.builder().tenantId(tenantId).values(values)
                .pendingChange(pending).effectiveSince(effectiveSince).build();
    }
}
