package dev.saleskernel.application;

import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.org.OrgStructure;
import dev.saleskernel.org.OrgValues.Member;
import dev.saleskernel.org.OrgValues.Role;
import dev.saleskernel.org.OrgValues.Territory;
import dev.saleskernel.org.OrgValues.TerritoryRules;
import dev.saleskernel.org.OrgValues.UnitKind;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Use cases of a tenant's sales organisation (one stored {@link OrgStructure} document per
 * tenant, record id {@link OrgStructure#RECORD_ID}; the first command starts from an empty
 * organisation). Every command is authorised, idempotent by its command id, checked against
 * concurrent changes (decided again on the current state after a conflict), and either commits
 * the organisation and its events to the outbox together or changes nothing. Action names for
 * the {@link Authorization} port are {@code org.<command>}.
 */
public final class OrgService {
    public static final String ADD_UNIT = "org.add-unit";
    public static final String MOVE_UNIT = "org.move-unit";
    public static final String HIRE = "org.hire";
    public static final String ASSIGN = "org.assign";
    public static final String END_MEMBERSHIP = "org.end-membership";
    public static final String LEAVE = "org.leave";
    public static final String ADD_TERRITORY = "org.add-territory";
    public static final String REDEFINE_TERRITORY = "org.redefine-territory";
    public static final String RETIRE_TERRITORY = "org.retire-territory";
    public static final String ADD_PRODUCT_LINE = "org.add-product-line";
    public static final String RENAME_PRODUCT_LINE = "org.rename-product-line";
    public static final String RETIRE_PRODUCT_LINE = "org.retire-product-line";

    private final CommandRunner runner;
    private final Repository<OrgStructure> orgs;

    OrgService(CommandRunner runner, Repository<OrgStructure> orgs) {
        this.runner = runner;
        this.orgs = orgs;
    }

    /** See {@link OrgStructure#addUnit}. */
    public Either<Rejected, Executed<OrgStructure>> addUnit(CommandContext context, String id, String name, UnitKind kind,
                                                            Optional<String> parentId, LocalDate from) {
        return on(context, ADD_UNIT, (org, at) -> org.addUnit(id, name, kind, parentId, from, context.actor(), at));
    }

    /** See {@link OrgStructure#moveUnit}. */
    public Either<Rejected, Executed<OrgStructure>> moveUnit(CommandContext context, String id, String newParentId,
                                                             LocalDate effective) {
        return on(context, MOVE_UNIT, (org, at) -> org.moveUnit(id, newParentId, effective, context.actor(), at));
    }

    /** See {@link OrgStructure#hire}. */
    public Either<Rejected, Executed<OrgStructure>> hire(CommandContext context, Member member) {
        return on(context, HIRE, (org, at) -> org.hire(member, context.actor(), at));
    }

    /** See {@link OrgStructure#assign}. */
    public Either<Rejected, Executed<OrgStructure>> assign(CommandContext context, String memberId, String unitId, Role role,
                                                           LocalDate from, Optional<LocalDate> until) {
        return on(context, ASSIGN, (org, at) -> org.assign(memberId, unitId, role, from, until, context.actor(), at));
    }

    /** See {@link OrgStructure#endMembership}. */
    public Either<Rejected, Executed<OrgStructure>> endMembership(CommandContext context, String memberId, String unitId,
                                                                  LocalDate effective) {
        return on(context, END_MEMBERSHIP, (org, at) -> org.endMembership(memberId, unitId, effective, context.actor(), at));
    }

    /** See {@link OrgStructure#leave}. */
    public Either<Rejected, Executed<OrgStructure>> leave(CommandContext context, String memberId, LocalDate effective) {
        return on(context, LEAVE, (org, at) -> org.leave(memberId, effective, context.actor(), at));
    }

    /** See {@link OrgStructure#addTerritory}. */
    public Either<Rejected, Executed<OrgStructure>> addTerritory(CommandContext context, Territory territory) {
        return on(context, ADD_TERRITORY, (org, at) -> org.addTerritory(territory, context.actor(), at));
    }

    /** See {@link OrgStructure#redefineTerritory}. */
    public Either<Rejected, Executed<OrgStructure>> redefineTerritory(CommandContext context, String territoryId,
                                                                      TerritoryRules rules) {
        return on(context, REDEFINE_TERRITORY, (org, at) -> org.redefineTerritory(territoryId, rules, context.actor(), at));
    }

    /** See {@link OrgStructure#retireTerritory}. */
    public Either<Rejected, Executed<OrgStructure>> retireTerritory(CommandContext context, String territoryId,
                                                                    LocalDate effective) {
        return on(context, RETIRE_TERRITORY, (org, at) -> org.retireTerritory(territoryId, effective, context.actor(), at));
    }

    /** See {@link OrgStructure#addProductLine}. */
    public Either<Rejected, Executed<OrgStructure>> addProductLine(CommandContext context, String id, String name,
                                                                   LocalDate introduced) {
        return on(context, ADD_PRODUCT_LINE, (org, at) -> org.addProductLine(id, name, introduced, context.actor(), at));
    }

    /** See {@link OrgStructure#renameProductLine}. */
    public Either<Rejected, Executed<OrgStructure>> renameProductLine(CommandContext context, String id, String name,
                                                                      LocalDate effective) {
        return on(context, RENAME_PRODUCT_LINE, (org, at) -> org.renameProductLine(id, name, effective, context.actor(), at));
    }

    /** See {@link OrgStructure#retireProductLine}. */
    public Either<Rejected, Executed<OrgStructure>> retireProductLine(CommandContext context, String id, LocalDate effective) {
        return on(context, RETIRE_PRODUCT_LINE, (org, at) -> org.retireProductLine(id, effective, context.actor(), at));
    }

    /** The tenant's organisation as stored; empty (no units) if no org command has run yet. */
    public OrgStructure find(TenantId tenant) {
        return orgs.load(tenant, OrgStructure.RECORD_ID).map(Loaded::state).orElseGet(() -> OrgStructure.empty(tenant));
    }

    private Either<Rejected, Executed<OrgStructure>> on(CommandContext context, String action,
                                                        BiFunction<OrgStructure, Instant, Either<Rejected, Change<OrgStructure>>> command) {
        return runner.run(context, action, orgs, OrgStructure.RECORD_ID,
                (current, at) -> command.apply(current.orElseGet(() -> OrgStructure.empty(context.tenant())), at));
    }
}
