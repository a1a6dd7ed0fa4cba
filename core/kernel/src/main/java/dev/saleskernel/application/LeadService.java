package dev.saleskernel.application;

import dev.saleskernel.customer.Account;
import dev.saleskernel.customer.AccountValues.AccountDraft;
import dev.saleskernel.customer.AccountValues.AccountProfile;
import dev.saleskernel.customer.AccountValues.AccountSize;
import dev.saleskernel.customer.AccountValues.Contact;
import dev.saleskernel.customer.AccountValues.DuplicateMatch;
import dev.saleskernel.customer.CreditPolicy;
import dev.saleskernel.funnel.Lead;
import dev.saleskernel.funnel.LeadAssignment;
import dev.saleskernel.funnel.LeadDraft;
import dev.saleskernel.funnel.LeadRoundRobin;
import dev.saleskernel.funnel.Opportunity;
import dev.saleskernel.funnel.OpportunityDraft;
import dev.saleskernel.internal.persistence.Loaded;
import dev.saleskernel.money.Money;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.DomainEvent;
import dev.saleskernel.shared.Ids;
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
     * @param accountId   the id of the account to create (unused when the lead merges into an existing one)
     * @param contactId   the id of the contact added to the account (the lead's contact person)
     * @param contactRole the contact's role, e.g. {@code buyer}
     * @param pipelineId  the pipeline the opportunity runs on (its latest version)
     * @param opportunity the opportunity to create; its {@code accountId} is replaced by the account
     *                    the conversion resolves to (the new one, or the existing one merged into)
     * @param account     what a newly created account gets beyond the lead's company, tax id,
     *                    e-mail and phone
     * @param policy      refuse or merge when the lead duplicates a stored account
     */
    public record Conversion(String accountId, String contactId, String contactRole, String pipelineId,
                             OpportunityDraft opportunity, NewAccount account, Lead.DuplicatePolicy policy) {
        public Conversion {
            Objects.requireNonNull(accountId, "accountId");
            Objects.requireNonNull(contactId, "contactId");
            Objects.requireNonNull(contactRole, "contactRole");
            Objects.requireNonNull(pipelineId, "pipelineId");
            Objects.requireNonNull(opportunity, "opportunity");
            Objects.requireNonNull(account, "account");
            Objects.requireNonNull(policy, "policy");
        }
    }

    /**
     * The profile and credit terms of the account a conversion creates; name, tax id, e-mail and
     * phone come from the lead, the owner is the lead's owner (else the converting actor).
     *
     * @param creditLimit      the credit limit, in the opportunity's currency as a rule
     * @param paymentTermsDays days until an invoice is due, 0 or more
     */
    public record NewAccount(String industry, String region, AccountSize size, String channel, Money creditLimit,
                             CreditPolicy creditPolicy, int paymentTermsDays) {
        public NewAccount {
            Objects.requireNonNull(industry, "industry");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(size, "size");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(creditLimit, "creditLimit");
            Objects.requireNonNull(creditPolicy, "creditPolicy");
        }
    }

    private final CommandRunner runner;
    private final Repository<Lead> leads;
    private final Repository<LeadRoundRobin> cursors;
    private final OpportunityService opportunities;
    private final MultiRecordRunner multiRunner;
    private final AccountService accounts;
    private final Repository<Account> accountRecords;

    LeadService(CommandRunner runner, Repository<Lead> leads, Repository<LeadRoundRobin> cursors,
                OpportunityService opportunities, MultiRecordRunner multiRunner, AccountService accounts,
                Repository<Account> accountRecords) {
        this.runner = runner;
        this.multiRunner = multiRunner;
        this.accounts = accounts;
        this.accountRecords = accountRecords;
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
        return multiRunner.runOn(context, ASSIGN, leads, id, (session, at) -> {
            Optional<Lead> current = session.load(leads, id);
            if (current.isEmpty()) {
                return notFound(id);
            }
            Lead lead = current.get();
            Optional<ActorId> territoryOwner = LeadAssignment.byTerritory(lead, rules.ownerByTerritory());
            if (territoryOwner.isPresent()) {
                return lead.assign(territoryOwner.get(), context.actor(), at)
                        .map(assigned -> staged(session, leads, id, assigned));
            }
            Either<Rejected, Change<LeadRoundRobin>> picked = session.load(cursors, rules.team())
                    .orElseGet(() -> LeadRoundRobin.start(context.tenant(), rules.team()))
                    .pick(rules.members(), context.actor(), at);
            // Without a pick the lead is still asked (with the actor as a stand-in owner) so that its own
            // reasons, e.g. its status, are reported together with the pick's.
            Either<Rejected, Change<Lead>> assigned = picked.isRight()
                    ? lead.assign(pickedOwner(picked.get()), context.actor(), at)
                    : lead.assign(context.actor(), context.actor(), at);
            if (assigned.isRight() && picked.isRight()) {
                session.stage(leads, id, assigned.get());
                return Either.right(staged(session, cursors, rules.team(), picked.get()));
            }
            List<Rejection> reasons = new ArrayList<>();
            assigned.swap().forEach(r -> reasons.addAll(r.reasons()));
            picked.swap().forEach(r -> reasons.addAll(r.reasons()));
            return Either.left(new Rejected(reasons));
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
     * Converts a qualified lead into account + contact + opportunity in ONE atomic commit: the
     * lead's change ({@code LeadConverted}, carrying the company and contact details), the account
     * ({@code customer.account-created} and {@code customer.contact-added}; or, when the lead
     * duplicates a stored account under {@link Lead.DuplicatePolicy#MERGE}, only the contact added
     * to that account) and the opportunity ({@code OpportunityCreated}, {@code StageEntered}).
     *
     * <p>Duplicates are looked up among the tenant's stored accounts through the account index
     * (the customer context's {@link dev.saleskernel.customer.DuplicateRules} keys) and then judged
     * by the lead's rule ({@link Lead#duplicatesAmong}); a new account is still subject to the
     * account's own duplicate policy. Refused with every reason of the lead, the account and the
     * opportunity at once, and then nothing is written. Converting again with the same contact
     * and opportunity ids changes nothing.
     */
    public Either<Rejected, Executed<Lead>> convert(CommandContext context, String id, Conversion conversion) {
        OpportunityDraft draft = conversion.opportunity();
        return multiRunner.runOn(context, CONVERT, leads, id,
                (session, at) -> {
                    Optional<Lead> current = session.load(leads, id);
                    if (current.isEmpty()) {
                        return notFound(id);
                    }
                    Lead lead = current.get();
                    AccountDraft accountDraft = accountDraft(lead, conversion, context);
                    List<DuplicateMatch> matches = accounts.duplicatesOf(context.tenant(), accountDraft);
                    List<Lead.AccountSnapshot> stored = new ArrayList<>();
                    for (DuplicateMatch match : matches) {
                        accountRecords.load(context.tenant(), match.accountId()).map(Loaded::state)
                                .ifPresent(a -> stored.add(snapshotOf(a)));
                    }
                    Either<Rejected, Change<Lead>> converted = lead.convert(conversion.accountId(),
                            conversion.contactId(), draft.id(), stored, conversion.policy(), context.actor(), at);
                    if (converted.isRight() && converted.get().changedNothing()) {
                        return Either.right(null);
                    }
                    if (lead.conversion().isPresent()) {
                        return Either.left(converted.getLeft());
                    }
                    Optional<String> mergedInto = converted.toJavaOptional()
                            .flatMap(c -> c.state().conversion()).flatMap(Lead.Conversion::mergedInto);
                    String accountId = mergedInto.orElse(conversion.accountId());
                    Contact contact = new Contact(conversion.contactId(), lead.contactName(), conversion.contactRole(),
                            lead.email(), lead.phone());
                    // Under REFUSE the lead itself reports each duplicate; the account's check would repeat them.
                    boolean refusedAsDuplicate = conversion.policy() == Lead.DuplicatePolicy.REFUSE
                            && !lead.duplicatesAmong(stored).isEmpty();
                    Either<Rejected, Change<Account>> account = refusedAsDuplicate ? null : mergedInto.isPresent()
                            ? session.load(accountRecords, accountId)
                                    .map(existing -> existing.addContact(contact, context.actor(), at))
                                    .orElseGet(() -> Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND,
                                            "account:" + accountId, "", "the account to merge into is gone"))))
                            : createdWithContact(accountDraft, matches, session, contact, context, at);
                    OpportunityDraft forAccount = new OpportunityDraft(draft.id(), accountId, draft.owner(), draft.team(),
                            draft.currency(), draft.lines(), draft.expectedCloseDate(), draft.nextStep(),
                            draft.competitor(), draft.productLine(), draft.channel());
                    Either<Rejected, Change<Opportunity>> opportunity = opportunities.decideCreate(context,
                            conversion.pipelineId(), forAccount, session.load(opportunities.repository(), draft.id()), at);
                    List<Rejection> reasons = new ArrayList<>();
                    converted.swap().forEach(r -> reasons.addAll(r.reasons()));
                    if (account != null) {
                        account.swap().forEach(r -> reasons.addAll(r.reasons()));
                    }
                    opportunity.swap().forEach(r -> reasons.addAll(r.reasons()));
                    if (!reasons.isEmpty()) {
                        return Either.left(new Rejected(reasons));
                    }
                    session.stage(leads, id, converted.get());
                    session.stage(accountRecords, accountId, account.get());
                    session.stage(opportunities.repository(), draft.id(), opportunity.get());
                    return Either.right(null);
                });
    }

    private Either<Rejected, Change<Account>> createdWithContact(AccountDraft draft, List<DuplicateMatch> matches,
                                                                 MultiRecordRunner.Session session, Contact contact,
                                                                 CommandContext context, Instant at) {
        if (!Ids.isValid(draft.id())) {
            return Either.left(AccountService.badId("account", draft.id()));
        }
        if (session.load(accountRecords, draft.id()).isPresent()) {
            return Either.left(Rejected.of(Rejection.of(SharedRejection.ALREADY_EXISTS, "account:" + draft.id(), "accountId",
                    "an account with this id exists already")));
        }
        return Account.create(draft.id(), draft.profile(), draft.owner(), draft.creditLimit(), draft.creditPolicy(),
                        draft.paymentTermsDays(), accounts.duplicateRules(), matches, AccountService.day(at),
                        context.actor(), at)
                .flatMap(created -> created.state().addContact(contact, context.actor(), at)
                        .map(added -> {
                            List<DomainEvent> events = new ArrayList<>(created.events());
                            events.addAll(added.events());
                            return new Change<>(added.state(), events);
                        }));
    }

    private static AccountDraft accountDraft(Lead lead, Conversion conversion, CommandContext context) {
        NewAccount terms = conversion.account();
        String owner = lead.owner().orElse(context.actor()).value();
        return new AccountDraft(conversion.accountId(), new AccountProfile(lead.company(), terms.industry(),
                terms.region(), terms.size(), terms.channel(), lead.taxId(), lead.email(), lead.phone()), owner,
                terms.creditLimit(), terms.creditPolicy(), terms.paymentTermsDays());
    }

    private static Lead.AccountSnapshot snapshotOf(Account account) {
        String email = account.profile().email();
        int at = email.indexOf('@');
        return new Lead.AccountSnapshot(account.id(), account.profile().name(), account.profile().taxId(),
                at < 0 ? "" : email.substring(at + 1));
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
    private static <A> Void staged(MultiRecordRunner.Session session, Repository<A> repository, String id,
                                   Change<A> change) {
        session.stage(repository, id, change);
        return null;
    }

    private static <T> Either<Rejected, T> notFound(String id) {
        return Either.left(Rejected.of(Rejection.of(SharedRejection.NOT_FOUND, "lead:" + id, "",
                "no such lead in this tenant")));
    }
}
