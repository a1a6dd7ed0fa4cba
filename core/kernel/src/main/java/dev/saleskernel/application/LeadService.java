package dev.saleskernel.application;

import dev.saleskernel.funnel.Lead;
import dev.saleskernel.funnel.LeadAssignment;
import dev.saleskernel.funnel.LeadDraft;
import dev.saleskernel.funnel.LeadRoundRobin;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.OpportunityDraft;
import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import io.vavr.control.Either;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Use cases of leads: capture, assign (by hand or by the tenant's rules), work, qualify,
 * disqualify and convert. Each command is authorised, idempotent by command id, and commits
 * state and events together or changes nothing.
 *
 * <p>Two commands write a second record in the same atomic commit as the lead: assignment by
 * rules advances the team's {@link LeadRoundRobin} cursor, and conversion creates the
 * {@link Opportunity}. Converting a converted lead again with the same contact and opportunity
 * ids changes nothing; with other ids it is refused with {@code funnel/ALREADY_CONVERTED}.
 */
public final class LeadService {
    public static final String CAPTURE = "funnel.capture-lead";
    public static final String ASSIGN = "funnel.assign-lead";
    public static final String WORK = "funnel.work-lead";
    public static final String QUALIFY = "funnel.qualify-lead";
    public static final String DISQUALIFY = "funnel.disqualify-lead";
    public static final String CONVERT = "funnel.convert-lead";

    /**
     * What converting a qualified lead needs.
     *
     * @param accountId        the id of the account to create (ignored when the lead merges into an existing one)
     * @param contactId        the id of the contact to create
     * @param pipelineId       the pipeline the opportunity runs on (its latest version)
     * @param opportunity      the opportunity to create; its {@code accountId} is replaced by the account
     *                         the conversion resolves to (the new one, or the existing one merged into)
     * @param existingAccounts the accounts the duplicate check compares the lead against
     * @param policy           refuse or merge when the lead duplicates an existing account
     */
    public record Conversion(String accountId, String contactId, String pipelineId, OpportunityDraft opportunity,
                             List<Lead.AccountSnapshot> existingAccounts, Lead.DuplicatePolicy policy) {
        public Conversion {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(pipelineId, "pipelineId");
            Objects.requireNonNull(opportunity, "opportunity");
            existingAccounts = List.copyOf(existingAccounts);
            Objects.requireNonNull(policy, "policy");
        }
    }

    private final CommandRunner runner;
    private final Repository<Lead> leads;
    private final Repository<LeadRoundRobin> cursors;
    private final OpportunityService opportunities;

    LeadService(CommandRunner runner, Repository<Lead> leads, Repository<LeadRoundRobin> cursors,
                OpportunityService opportunities) {
        this.runner = runner;
        this.leads = leads;
        this.cursors = cursors;
        this.opportunities = opportunities;
    }

    /** Captures a new lead; refused with {@code shared/ALREADY_EXISTS} if the id is taken. */
    public Either<Rejected, Executed<Lead>> capture(CommandContext context, LeadDraft draft) {
        return runner.run(context, CAPTURE, leads, draft.id(), (current, at) -> current.isPresent()
                ? Either.left(Rejected.of(Rejection.of(SharedRejection.ALREADY_EXISTS, "lead:" + draft.id(), "id",
                        "a lead with this id exists already")))
                : Lead.capture(context.tenant(), draft, context.actor(), at));
    }

    /** Assigns the lead to {@code owner}. */
    public Either<Rejected, Executed<Lead>> assign(CommandContext context, String id, ActorId owner) {
        return onLead(context, ASSIGN, id, (lead, at) -> lead.assign(owner, context.actor(), at));
    }

    /**
     * Assigns the lead by the rules: to its territory's owner if the territory has one, otherwise
     * to the next member of the round-robin team, whose cursor moves on in the same commit.
     */
    public Either<Rejected, Executed<Lead>> assignByRules(CommandContext context, String id, LeadAssignment.Rules rules) {
        return runner.runPaired(context, ASSIGN, leads, id, cursors, rules.team(), (current, cursor, at) -> {
            if (current.isEmpty()) {
                return notFound(id);
            }
            Lead lead = current.get();
            Optional<ActorId> territoryOwner = LeadAssignment.byTerritory(lead, rules.ownerByTerritory());
            if (territoryOwner.isPresent()) {
                return lead.assign(territoryOwner.get(), context.actor(), at).map(CommandRunner.Paired::alone);
            }
            Either<Rejected, Change<LeadRoundRobin>> picked = cursor
                    .orElseGet(() -> LeadRoundRobin.start(context.tenant(), rules.team()))
                    .pick(rules.members(), context.actor(), at);
            // Without a pick the lead is still asked (with the actor as a stand-in owner) so that its own
            // reasons, e.g. its status, are reported together with the pick's.
            Either<Rejected, Change<Lead>> assigned = picked.isRight()
                    ? lead.assign(pickedOwner(picked.get()), context.actor(), at)
                    : lead.assign(context.actor(), context.actor(), at);
            return both(assigned, picked);
        });
    }

    /** Starts working a new lead. */
    public Either<Rejected, Executed<Lead>> startWorking(CommandContext context, String id) {
        return onLead(context, WORK, id, (lead, at) -> lead.startWorking(context.actor(), at));
    }

    /** Qualifies a working, assigned lead with its answers. */
    public Either<Rejected, Executed<Lead>> qualify(CommandContext context, String id, Map<String, String> answers) {
        return onLead(context, QUALIFY, id, (lead, at) -> lead.qualify(answers, context.actor(), at));
    }

    /** Disqualifies the lead, with a reason. */
    public Either<Rejected, Executed<Lead>> disqualify(CommandContext context, String id, String reason) {
        return onLead(context, DISQUALIFY, id, (lead, at) -> lead.disqualify(reason, context.actor(), at));
    }

    /**
     * Converts a qualified lead: the lead's change ({@code LeadConverted}, carrying the company
     * and contact details) and the new opportunity ({@code OpportunityCreated}, {@code StageEntered})
     * are committed atomically. Refused with every reason of both (lead status, duplicate
     * account, opportunity draft, pipeline) and then nothing is written.
     */
    public Either<Rejected, Executed<Lead>> convert(CommandContext context, String id, Conversion conversion) {
        OpportunityDraft draft = conversion.opportunity();
        return runner.runPaired(context, CONVERT, leads, id, opportunities.repository(), draft.id(),
                (current, existing, at) -> {
                    if (current.isEmpty()) {
                        return notFound(id);
                    }
                    Either<Rejected, Change<Lead>> converted = current.get().convert(conversion.accountId(),
                            conversion.contactId(), draft.id(), conversion.existingAccounts(), conversion.policy(),
                            context.actor(), at);
                    if (converted.isRight() && converted.get().changedNothing()) {
                        return Either.right(CommandRunner.Paired.alone(converted.get()));
                    }
                    String account = converted.map(c -> c.state().conversion().orElseThrow().accountId())
                            .getOrElse(conversion.accountId());
                    OpportunityDraft forAccount = new OpportunityDraft(draft.id(), account, draft.owner(), draft.team(),
                            draft.currency(), draft.lines(), draft.expectedCloseDate(), draft.nextStep(),
                            draft.competitor(), draft.productLine(), draft.channel());
                    return both(converted, opportunities.decideCreate(context, conversion.pipelineId(), forAccount,
                            existing, at));
                });
    }

    public Optional<Lead> find(TenantId tenant, String id) {
        return leads.load(tenant, id).map(Loaded::state);
    }

    /** Every lead of the tenant. */
    public List<Lead> all(TenantId tenant) {
        return leads.all(tenant);
    }

    /** The round-robin cursor of a team, if it has handed out a lead yet. */
    public Optional<LeadRoundRobin> roundRobin(TenantId tenant, String team) {
        return cursors.load(tenant, team).map(Loaded::state);
    }

    private Either<Rejected, Executed<Lead>> onLead(CommandContext context, String action, String id,
                                                   BiFunction<Lead, Instant, Either<Rejected, Change<Lead>>> command) {
        return runner.run(context, action, leads, id, (current, at) -> current
                .map(lead -> command.apply(lead, at))
                .orElseGet(() -> notFound(id)));
    }

    private static ActorId pickedOwner(Change<LeadRoundRobin> picked) {
        return ((dev.saleskernel.funnel.LeadEvents.RoundRobinAdvanced) picked.events().get(0)).picked();
    }

    /** Both changes, or every reason either was refused. */
    private static <A, B> Either<Rejected, CommandRunner.Paired<A, B>> both(Either<Rejected, Change<A>> main,
                                                                         Either<Rejected, Change<B>> companion) {
        if (main.isRight() && companion.isRight()) {
            return Either.right(new CommandRunner.Paired<>(main.get(), Optional.of(companion.get())));
        }
        List<Rejection> reasons = new ArrayList<>();
        main.swap().forEach(r -> reasons.addAll(r.reasons()));
        companion.swap().forEach(r -> reasons.addAll(r.reasons()));
        return Either.left(new Rejected(reasons));
    }

    private static <T> Either<Rejected, T> notFound(String id) {
        return Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, "lead:" + id, "",
                "no such lead in this tenant")));
    }
}
