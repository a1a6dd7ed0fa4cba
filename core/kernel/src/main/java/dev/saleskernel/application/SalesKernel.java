package dev.saleskernel.application;

import dev.saleskernel.customer.DuplicateRules;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.internal.persistence.AccountCodec;
import dev.saleskernel.internal.persistence.CustomerPoolCodec;
import dev.saleskernel.internal.persistence.FindingLedgerCodec;
import dev.saleskernel.internal.persistence.CommandReceipts;
import dev.saleskernel.funnel.StageRoles;
import dev.saleskernel.internal.persistence.BudgetCodec;
import dev.saleskernel.internal.persistence.EventCodec;
import dev.saleskernel.internal.persistence.LeadCodec;
import dev.saleskernel.internal.persistence.ForecastSubmissionCodec;
import dev.saleskernel.internal.persistence.OpportunityCodec;
import dev.saleskernel.internal.persistence.OrgStructureCodec;
import dev.saleskernel.internal.persistence.PayeeLedgerCodec;
import dev.saleskernel.internal.persistence.PipelineDefinitionCodec;
import dev.saleskernel.internal.persistence.Repository;
import dev.saleskernel.internal.persistence.TargetPlanCodec;
import dev.saleskernel.internal.persistence.CompensationPlanCodec;
import dev.saleskernel.internal.persistence.TenantSettingsCodec;
import dev.saleskernel.money.ExchangeRateTable;
import dev.saleskernel.money.ExchangeRates;
import dev.saleskernel.persistence.spi.OutboxStore;
import dev.saleskernel.persistence.spi.RecordStore;
import java.time.Clock;
import java.util.Objects;

/**
 * The facade a host application holds: one per process, thread-safe, wired explicitly.
 *
 * <pre>{@code
 * InMemoryStore store = new InMemoryStore();
 * SalesKernel kernel = SalesKernel.builder()
 *         .recordStore(store)
 *         .outboxStore(store)
 *         .authorization(Authorization.allowEverything())
 *         .build();
 * }</pre>
 *
 * <p>There is no fallback store: building without a record store or an outbox store fails at
 * once. Time comes only from the given {@link Clock} (UTC system clock unless set), ids from
 * the given {@link IdSource}.
 */
public final class SalesKernel {
    /** Attempts per command when the record keeps changing underneath it (decide again after each conflict). */
    public static final int DEFAULT_MAX_ATTEMPTS = 5;

    private final Clock clock;
    private final ExchangeRates exchangeRates;
    private final TenantSettingsService tenantSettings;
    private final TargetPlanService targetPlans;
    private final OutboxRelay outbox;
    private final OrgService org;
    private final PipelineService pipelines;
    private final OpportunityService opportunities;
    private final LeadService leads;
    private final SettlementService settlement;
    private final BudgetService budgets;
    private final AccountService accounts;
    private final CustomerPoolService pools;
    private final RiskService risk;
    private final HandoverService handovers;
    private final CompensationPlanService compensationPlans;
    private final ForecastService forecasts;

    private SalesKernel(Builder builder) {
        this.clock = builder.clock;
        this.exchangeRates = builder.exchangeRates;
        SafeJson json = SafeJson.withDefaultLimits();
        EventCodec events = new EventCodec(json);
        TenantSettingsCodec.registerEvents(events);
        PipelineDefinitionCodec.registerEvents(events);
        OpportunityCodec.registerEvents(events);
        TargetPlanCodec.registerEvents(events);
        LeadCodec.registerEvents(events);
        OrgStructureCodec.registerEvents(events);
        PayeeLedgerCodec.registerEvents(events);
        BudgetCodec.registerEvents(events);
        FindingLedgerCodec.registerEvents(events);
        CustomerPoolCodec.registerEvents(events);
        AccountCodec.registerEvents(events);
        CompensationPlanCodec.registerEvents(events);
        ForecastSubmissionCodec.registerEvents(events);
        CommandPorts ports = new CommandPorts(builder.recordStore, events,
                new CommandReceipts(builder.recordStore, json), builder.authorization, builder.clock,
                builder.idSource, builder.maxAttempts);
        CommandRunner runner = new CommandRunner(ports);
        this.tenantSettings = new TenantSettingsService(runner,
                new Repository<>(builder.recordStore, new TenantSettingsCodec(json)));
        this.pipelines = new PipelineService(runner,
                new Repository<>(builder.recordStore, new PipelineDefinitionCodec(json)));
        Repository<dev.saleskernel.funnel.Opportunity> opportunityRecords = new Repository<>(builder.recordStore, new OpportunityCodec(json));
        this.opportunities = new OpportunityService(runner, opportunityRecords, pipelines, builder.stageRoles,
                builder.discountApprovals);
        this.targetPlans = new TargetPlanService(runner, new Repository<>(builder.recordStore, new TargetPlanCodec(json)));
        this.budgets = new BudgetService(runner, new Repository<>(builder.recordStore, new BudgetCodec(json)));
        this.outbox = new OutboxRelay(builder.outboxStore, events);
        this.org = new OrgService(runner, new Repository<>(builder.recordStore, new OrgStructureCodec(json)));
        this.settlement = new SettlementService(runner, new Repository<>(builder.recordStore, new PayeeLedgerCodec(json)), json);
        Repository<dev.saleskernel.customer.Account> accountRecords = new Repository<>(builder.recordStore, new AccountCodec(json));
        this.accounts = new AccountService(runner, accountRecords, builder.duplicateRules);
        MultiRecordRunner multiRunner = new MultiRecordRunner(ports);
        this.leads = new LeadService(runner, new Repository<>(builder.recordStore, new LeadCodec(json)),
                new Repository<>(builder.recordStore, new LeadCodec.RoundRobinCodec(json)), opportunities, multiRunner,
                accounts, accountRecords);
        this.opportunities.creditCheckOnWin(new WonDealCredit(multiRunner, opportunityRecords, accountRecords, pipelines));
        Repository<dev.saleskernel.customer.CustomerPool> poolRecords = new Repository<>(builder.recordStore, new CustomerPoolCodec(json));
        this.pools = new CustomerPoolService(runner, poolRecords);
        this.handovers = new HandoverService(multiRunner, accountRecords, opportunityRecords, poolRecords);
        this.risk = new RiskService(runner, new Repository<>(builder.recordStore, new FindingLedgerCodec(json)));
        this.compensationPlans = new CompensationPlanService(runner,
                new Repository<>(builder.recordStore, new CompensationPlanCodec(json)));
        this.forecasts = new ForecastService(runner, new Repository<>(builder.recordStore, new ForecastSubmissionCodec(json)));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Compensation plans: versions proposed from plan JSON and published by a second person. */
    public CompensationPlanService compensationPlans() {
        return compensationPlans;
    }

    /** Tenant settings: base currency, fiscal-year start, rounding; changes need a second person's approval. */
    public TenantSettingsService tenantSettings() {
        return tenantSettings;
    }

    /** Pipeline definitions, versioned per tenant. */
    public PipelineService pipelines() {
        return pipelines;
    }

    /** Opportunities moving through their pipelines. */
    public OpportunityService opportunities() {
        return opportunities;
    }

    /** Leads: capture, assignment by territory or round robin, qualification, conversion into an opportunity. */
    public LeadService leads() {
        return leads;
    }

    /** Target plans: exact top-down decomposition, locks, bottom-up calibration, versions with four-eyes approval. */
    public TargetPlanService targetPlans() {
        return targetPlans;
    }

    /** The sales organisation: units, members, memberships, territories and product lines, all effective-dated. */
    public OrgService org() {
        return org;
    }

    /** Settlement of compensation: payee ledgers, statements, draws, holds, clawbacks, approvals, disputes. */
    public SettlementService settlement() {
        return settlement;
    }

    /** Sales budgets: top-down preparation, four-eyes approval, controlled commitments and spend, approved revisions. */
    public BudgetService budgets() {
        return budgets;
    }

    /** Customer accounts: profile, facts, credit on orders, lifecycle, duplicate detection on create. */
    public AccountService accounts() {
        return accounts;
    }

    /** Customer pools (公海): claim, assign, return, and the reclaim sweep. */
    public CustomerPoolService customerPools() {
        return pools;
    }

    /** Handover of a departing or moved rep's accounts and open deals, by rule, in one commit. */
    public HandoverService handovers() {
        return handovers;
    }

    /** Risk findings: record evaluations, acknowledge, resolve; every change an outbox event. */
    public RiskService risk() {
        return risk;
    }

    /** Forecast submissions: a team's forecast per period, with managers' adjustments recorded beside it. */
    public ForecastService forecasts() {
        return forecasts;
    }

    /** Delivers committed domain events (the audit trail) to the host. */
    public OutboxRelay outbox() {
        return outbox;
    }

    /**
     * The dated exchange rates the kernel converts with; conversions happen only through
     * {@link dev.saleskernel.money.Conversion} with a date, and a missing rate is a refusal, never a guess.
     */
    public ExchangeRates exchangeRates() {
        return exchangeRates;
    }

    /** The clock the kernel reads time from. */
    public Clock clock() {
        return clock;
    }

    /** Wires a {@link SalesKernel}. Record store, outbox store and authorisation are required. */
    public static final class Builder {
        private RecordStore recordStore;
        private OutboxStore outboxStore;
        private Authorization authorization;
        private Clock clock = Clock.systemUTC();
        private IdSource idSource = IdSource.randomUuids();
        private ExchangeRates exchangeRates = ExchangeRateTable.empty();
        private int maxAttempts = DEFAULT_MAX_ATTEMPTS;
        private StageRoles stageRoles = StageRoles.nobody();
        private DiscountApprovals discountApprovals = DiscountApprovals.none();
        private DuplicateRules duplicateRules = DuplicateRules.defaults(DuplicateRules.Policy.REFUSE);

        private Builder() {
        }

        /** The host's record store (required). */
        public Builder recordStore(RecordStore store) {
            this.recordStore = Objects.requireNonNull(store, "recordStore");
            return this;
        }

        /** The host's outbox store, usually the same object as the record store (required). */
        public Builder outboxStore(OutboxStore store) {
            this.outboxStore = Objects.requireNonNull(store, "outboxStore");
            return this;
        }

        /** The host's authorisation port (required; {@link Authorization#allowEverything()} must be chosen explicitly). */
        public Builder authorization(Authorization authorization) {
            this.authorization = Objects.requireNonNull(authorization, "authorization");
            return this;
        }

        /** The clock every command reads its time from; UTC system clock by default. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Where new ids come from; random UUIDs by default. */
        public Builder idSource(IdSource idSource) {
            this.idSource = Objects.requireNonNull(idSource, "idSource");
            return this;
        }

        /**
         * The host's exchange-rate port (e.g. an {@link ExchangeRateTable}, or a port over the
         * host's treasury rates). None by default: every cross-currency conversion is refused
         * with {@code money/RATE_MISSING} until rates are given.
         */
        public Builder exchangeRates(ExchangeRates rates) {
            this.exchangeRates = Objects.requireNonNull(rates, "exchangeRates");
            return this;
        }

        /**
         * The role port pipeline moves consult when a rule names a role. Nobody holds any role by
         * default, so only moves without a required role are possible until a port is given.
         */
        public Builder stageRoles(StageRoles roles) {
            this.stageRoles = Objects.requireNonNull(roles, "stageRoles");
            return this;
        }

        /** The approval port for discounts above a pipeline's threshold; nothing is approved by default. */
        public Builder discountApprovals(DiscountApprovals approvals) {
            this.discountApprovals = Objects.requireNonNull(approvals, "discountApprovals");
            return this;
        }

        /**
         * How new accounts are checked for duplicates (free-mail domains, ignored legal-form words,
         * refuse or flag); the default lists with policy REFUSE unless set.
         */
        public Builder duplicateRules(DuplicateRules rules) {
            this.duplicateRules = Objects.requireNonNull(rules, "duplicateRules");
            return this;
        }

        /** Attempts per command on version conflicts, 1 to 100; {@value SalesKernel#DEFAULT_MAX_ATTEMPTS} by default. */
        public Builder maxAttempts(int attempts) {
            if (attempts < 1 || attempts > 100) {
                throw new IllegalArgumentException("maxAttempts must be 1..100, got " + attempts);
            }
            this.maxAttempts = attempts;
            return this;
        }

        /**
         * @throws IllegalStateException naming every missing piece, if the record store, outbox
         *                               store or authorisation is not wired, or the store speaks
         *                               another SPI version
         */
        public SalesKernel build() {
            StringBuilder missing = new StringBuilder();
            if (recordStore == null) {
                missing.append("\n - no RecordStore: call recordStore(...) with your adapter, or new InMemoryStore() "
                        + "from sales-kernel-store-memory for tests and single-process hosts (there is no fallback)");
            }
            if (outboxStore == null) {
                missing.append("\n - no OutboxStore: call outboxStore(...), usually with the same object as the record store");
            }
            if (authorization == null) {
                missing.append("\n - no Authorization: call authorization(...) with your port, or "
                        + "Authorization.allowEverything() for single-user tools and tests");
            }
            if (recordStore != null && recordStore.spiVersion() != RecordStore.SPI_VERSION) {
                missing.append("\n - the RecordStore implements SPI version ").append(recordStore.spiVersion())
                        .append(", this kernel needs ").append(RecordStore.SPI_VERSION);
            }
            if (missing.length() > 0) {
                throw new IllegalStateException("SalesKernel cannot be built:" + missing);
            }
            return new SalesKernel(this);
        }
    }
}
