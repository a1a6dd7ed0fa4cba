package dev.saleskernel.application;

import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.tenant.SettingsValues;
import dev.saleskernel.tenant.TenantSettings;
import io.vavr.control.Either;
import java.util.Optional;

/**
 * Use cases of a tenant's settings. Every command is authorised, idempotent by its command id,
 * and either commits state and events together or changes nothing.
 */
public final class TenantSettingsService {
    /** Action names put to the {@link Authorization} port. */
    public static final String CONFIGURE = "tenant-settings.configure";
    public static final String PROPOSE_CHANGE = "tenant-settings.propose-change";
    public static final String APPROVE_CHANGE = "tenant-settings.approve-change";
    public static final String REJECT_CHANGE = "tenant-settings.reject-change";

    private final CommandRunner runner;
    private final Repository<TenantSettings> settings;

    TenantSettingsService(CommandRunner runner, Repository<TenantSettings> settings) {
        this.runner = runner;
        this.settings = settings;
    }

    /** Creates the tenant's settings; refused if they exist already. */
    public Either<Rejected, Executed<TenantSettings>> configure(CommandContext context, SettingsValues values) {
        return runner.run(context, CONFIGURE, settings, TenantSettings.RECORD_ID, (current, at) -> current.isPresent()
                ? Either.left(Rejected.of(Rejection.of(SharedRejection.ALREADY_EXISTS, subject(context), "",
                "the tenant's settings are configured already; propose a change instead")))
                : TenantSettings.configure(context.tenant(), values, context.actor(), at));
    }

    /** Proposes new values; a different actor must approve them. */
    public Either<Rejected, Executed<TenantSettings>> proposeChange(CommandContext context, SettingsValues values,
                                                                  String reason) {
        return runner.run(context, PROPOSE_CHANGE, settings, TenantSettings.RECORD_ID, (current, at) -> current
                .map(s -> s.proposeChange(values, reason, context.actor(), at))
                .orElseGet(() -> notFound(context)));
    }

    /** Approves the pending change; refused for its proposer. */
    public Either<Rejected, Executed<TenantSettings>> approveChange(CommandContext context) {
        return runner.run(context, APPROVE_CHANGE, settings, TenantSettings.RECORD_ID, (current, at) -> current
                .map(s -> s.approveChange(context.actor(), at))
                .orElseGet(() -> notFound(context)));
    }

    /** Rejects or withdraws the pending change. */
    public Either<Rejected, Executed<TenantSettings>> rejectChange(CommandContext context, String reason) {
        return runner.run(context, REJECT_CHANGE, settings, TenantSettings.RECORD_ID, (current, at) -> current
                .map(s -> s.rejectChange(reason, context.actor(), at))
                .orElseGet(() -> notFound(context)));
    }

    /** The tenant's settings, if configured. */
    public Optional<TenantSettings> find(TenantId tenant) {
        return settings.load(tenant, TenantSettings.RECORD_ID).map(Loaded::state);
    }

    private static <T> Either<Rejected, T> notFound(CommandContext context) {
        return Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, subject(context), "",
                "the tenant's settings are not configured yet")));
    }

    private static String subject(CommandContext context) {
        return "tenant-settings:" + context.tenant().value();
    }
}
