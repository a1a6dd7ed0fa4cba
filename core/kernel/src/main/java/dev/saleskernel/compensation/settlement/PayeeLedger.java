package dev.saleskernel.compensation.settlement;

import dev.saleskernel.compensation.Explanation;
import dev.saleskernel.compensation.PeriodEarnings;
import dev.saleskernel.compensation.settlement.LedgerEntries.Cancellation;
import dev.saleskernel.compensation.settlement.LedgerEntries.DealClawback;
import dev.saleskernel.compensation.settlement.LedgerEntries.DealSettlement;
import dev.saleskernel.compensation.settlement.LedgerEntries.Dispute;
import dev.saleskernel.compensation.settlement.LedgerEntries.HeldAmount;
import dev.saleskernel.compensation.settlement.LedgerEntries.ManualAdjustment;
import dev.saleskernel.compensation.settlement.LedgerEntries.PendingAdjustment;
import dev.saleskernel.period.Period;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Checks;
import dev.saleskernel.shared.DomainEvent;
import dev.saleskernel.shared.Ids;
import dev.saleskernel.shared.PendingApproval;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.SharedRejection;
import io.vavr.control.Either;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * What one participant is paid under one plan in one plan year, and why: the statements (one per
 * pay period) and the records behind them (what each deal was paid, holds, clawbacks, the draw
 * balance, pending adjustments, disputes). Stored per tenant under {@link #recordId()}.
 *
 * <h2>Settling earnings</h2>
 * {@link #settle} takes a period's {@link PeriodEarnings} and adds, to the pay period's open
 * statement, one line per component:
 * <pre>
 *   line = target − settled(component, periods inside the earnings period, the period itself included)
 *   target = Σ ⌊deal payout × rate⌋  (deal-attributable components; ⌊earned × rate⌋ otherwise)
 *   rate = the advance rate for a month under {@link SettlementTerms.Advances}, else 1
 * </pre>
 * so a month is advanced, a quarter trued up ({@code quarter earned − advances paid}), a year
 * trued up, annual components settled at year end (zero "deferred" lines before), and new earnings
 * for a period settled before — even one whose statement is finalised — land as recompute
 * adjustment lines in the pay period given. Settling the same earnings twice changes nothing.
 * Products are rounded toward zero to the minor unit; nothing else is rounded.
 *
 * <p>Each deal's share of a line is recorded ({@link DealSettlement}); a hold takes
 * {@code ⌊positive deal amount × share⌋} of it as a negative line until released.
 *
 * <h2>Clawbacks</h2>
 * {@link #clawBack} reverses, for every component a deal was paid under,
 * {@code ⌊paid × refundedShare × (FULL ? 1 : (window − elapsed) ÷ window)⌋}, never more than is
 * left of it, as negative lines; the deal's outstanding holds are released against it. A clawed-back
 * deal is settled for good: later settlements leave it out. Idempotent by the cancellation's source id.
 *
 * <h2>Draws</h2>
 * Applied when a statement is finalised, on {@code payable} = the sum of its other lines:
 * {@code top-up = draw − payable} when payable is below the draw (a recoverable draw adds it to the
 * balance owed); otherwise a recoverable balance is repaid by {@code min(payable − draw, owed)}.
 *
 * <h2>Approvals and audit</h2>
 * Finalisation and manual adjustments are proposed by one actor and approved by another; every
 * command raises an event naming actor, time and reason.
 *
 * @param participantId     the participant
 * @param planId            the plan
 * @param planYear          the plan year (a {@link PeriodKind#YEAR} period)
 * @param currency          the plan's payout currency; every amount is in its minor units
 * @param terms             the settlement terms
 * @param planVersion       the plan version of the latest settled earnings (0 before any)
 * @param drawBalanceMinor  the recoverable draw balance; negative: owed by the participant
 * @param forgivenMinor     the draw top-ups forgiven so far (non-recoverable, or at year end)
 * @param yearClosed        whether the plan year is closed
 * @param statements        the statements, by pay-period start
 * @param dealSettlements   what each deal was paid, entry by entry
 * @param holds             amounts held and released
 * @param clawbacks         what cancellations took back
 * @param pendingAdjustments manual adjustments waiting for approval
 * @param disputes          disputes against statement lines
 * @param processedSources  source ids of cancellations and payments already processed
 * @param sequence          the last number handed out for hold, adjustment and dispute ids
 */
public record PayeeLedger(String participantId, String planId, Period planYear, Currency currency,
                          SettlementTerms terms, int planVersion, long drawBalanceMinor, long forgivenMinor,
                          boolean yearClosed, List<Statement> statements, List<DealSettlement> dealSettlements,
                          List<HeldAmount> holds, List<DealClawback> clawbacks,
                          List<PendingAdjustment> pendingAdjustments, List<Dispute> disputes,
                          Set<String> processedSources, long sequence) {

    /** The component id of draw lines. */
    public static final String DRAW = "draw";
    /** The component id of manual adjustments that concern no plan component. */
    public static final String MANUAL = "manual";
    /** The most components plus deal payouts one settlement takes. */
    public static final int MAX_ENTRIES = 100_000;

    public PayeeLedger {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(planId, "planId");
        Objects.requireNonNull(planYear, "planYear");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(terms, "terms");
        statements = List.copyOf(statements);
        dealSettlements = List.copyOf(dealSettlements);
        holds = List.copyOf(holds);
        clawbacks = List.copyOf(clawbacks);
        pendingAdjustments = List.copyOf(pendingAdjustments);
        disputes = List.copyOf(disputes);
        processedSources = Collections.unmodifiableSet(new LinkedHashSet<>(processedSources));
    }

    /** The record id of a ledger: {@code participant:plan:FY2026}. */
    public static String recordId(String participantId, String planId, Period planYear) {
        return participantId + ":" + planId + ":" + planYear.label();
    }

    public String recordId() {
        return recordId(participantId, planId, planYear);
    }

    String subject() {
        return "payee-ledger:" + recordId();
    }

    /**
     * Opens a ledger. Refused with every reason: ids not valid, a period that is not a fiscal
     * year, terms out of range (by JSON path under {@code settlement}), an opening draw balance
     * above zero or out of range.
     *
     * @param openingDrawBalanceMinor a recoverable balance carried forward from last year (≤ 0), else 0
     */
    public static Either<Rejected, Change<PayeeLedger>> open(String participantId, String planId, Period planYear,
                                                             Currency currency, SettlementTerms terms,
                                                             long openingDrawBalanceMinor, String reason,
                                                             ActorId actor, Instant at) {
        String subject = "payee-ledger:" + participantId + ":" + planId;
        return Checks.start()
                .require(Ids.isValid(participantId), () -> Rejection.of(SharedRejection.NOT_ALLOWED, subject, "participantId",
                        "a participant id is 1-60 characters from [A-Za-z0-9._@-]"))
                .require(Ids.isValid(planId), () -> Rejection.of(SharedRejection.NOT_ALLOWED, subject, "planId",
                        "a plan id is 1-60 characters from [A-Za-z0-9._@-]"))
                .require(planYear.kind() == PeriodKind.YEAR, () -> Rejection.of(SettlementRejection.PERIOD_NOT_SETTLEABLE,
                        subject, "planYear", "a ledger covers one fiscal year").withEvidence("period", planYear.label()))
                .require(openingDrawBalanceMinor <= 0 && openingDrawBalanceMinor >= -SettlementTerms.MAX_AMOUNT_MINOR,
                        () -> Rejection.of(SettlementRejection.AMOUNT_OUT_OF_RANGE, subject, "openingDrawBalance",
                                "an opening draw balance is what the participant owes: zero or negative, within range")
                                .withEvidence("openingDrawBalance", openingDrawBalanceMinor))
                .include(terms.validated(subject, "settlement", Optional.of(currency)))
                .thenRight(() -> {
                    PayeeLedger ledger = new PayeeLedger(participantId, planId, planYear, currency, terms, 0,
                            openingDrawBalanceMinor, 0, false, List.of(), List.of(), List.of(), List.of(), List.of(),
                            List.of(), Set.of(), 0);
                    return Change.of(ledger, new SettlementEvents.LedgerOpened(participantId, planId, planYear.label(),
                            currency.getCurrencyCode(), terms, openingDrawBalanceMinor, reason, actor, at));
                });
    }

    /** The statement of a pay period, if any line was ever added to it. */
    public Optional<Statement> statement(Period payPeriod) {
        return statements.stream().filter(s -> s.period().equals(payPeriod)).findFirst();
    }

    /** The statement of the pay period with this label. */
    public Optional<Statement> statement(String payPeriodLabel) {
        return statements.stream().filter(s -> s.period().label().equals(payPeriodLabel)).findFirst();
    }

    /** What the deal was paid in total across periods and components, net of clawbacks, in minor units. */
    public long dealNetMinor(String dealId) {
        long net = 0;
        for (DealSettlement entry : dealSettlements) {
            if (entry.dealId().equals(dealId)) {
                net = Math.addExact(net, entry.amountMinor());
            }
        }
        for (DealClawback clawback : clawbacks) {
            if (clawback.dealId().equals(dealId)) {
                net = Math.subtractExact(net, clawback.amountMinor());
            }
        }
        return net;
    }

    /** The amounts held and not released yet, in minor units. */
    public long outstandingHeldMinor() {
        long held = 0;
        for (HeldAmount hold : holds) {
            if (hold.outstanding()) {
                held = Math.addExact(held, hold.amountMinor());
            }
        }
        return held;
    }

    /** The sum of every line of every statement, in minor units: what the ledger has paid or will pay. */
    public long paidMinor() {
        long paid = 0;
        for (Statement statement : statements) {
            paid = Math.addExact(paid, statement.totalMinor());
        }
        return paid;
    }

    // ------------------------------------------------------------------ settling earnings

    /**
     * Settles a period's earnings into the pay period's statement (see the class description).
     * Refused with every reason when the earnings belong to another ledger, their period is not a
     * month, quarter or year of the plan year, they break their own invariant, an amount is out of
     * range, the year is closed, or the pay period's statement is not open.
     */
    public Either<Rejected, Change<PayeeLedger>> settle(PeriodEarnings earnings, Period payPeriod, String reason,
                                                        ActorId actor, Instant at) {
        Checks checks = Checks.start()
                .require(!yearClosed, () -> Rejection.of(SettlementRejection.YEAR_CLOSED, subject(), "yearClosed",
                        "the plan year is closed"))
                .require(earnings.participantId().equals(participantId), () -> other("participantId", earnings.participantId()))
                .require(earnings.planId().equals(planId), () -> other("planId", earnings.planId()))
                .require(earnings.currency().equals(currency), () -> other("currency", earnings.currency().getCurrencyCode()))
                .require(earnings.period().kind() != PeriodKind.CUSTOM && earnings.period().kind() != PeriodKind.HALF
                                && planYear.contains(earnings.period()),
                        () -> Rejection.of(SettlementRejection.PERIOD_NOT_SETTLEABLE, subject(), "period",
                                "earnings are settled for a month, quarter or year of the plan year")
                                .withEvidence("period", earnings.period().toString())
                                .withEvidence("planYear", planYear.toString()));
        checks = consistency(checks, earnings);
        checks = requireOpen(checks, payPeriod);
        if (!checks.passed()) {
            return checks.thenRight(() -> null);
        }
        return guarded(() -> new Settlement(earnings, payPeriod).apply(reason, actor, at));
    }

    private Rejection other(String field, String value) {
        return Rejection.of(SettlementRejection.EARNINGS_FOR_ANOTHER_LEDGER, subject(), field,
                "the earnings belong to another ledger").withEvidence(field, value);
    }

    private Checks consistency(Checks checks, PeriodEarnings earnings) {
        Map<String, PeriodEarnings.ComponentEarning> components = new LinkedHashMap<>();
        Map<String, Long> dealSums = new LinkedHashMap<>();
        int entries = earnings.components().size() + earnings.dealPayouts().size();
        checks = checks.require(entries <= MAX_ENTRIES, () -> Rejection.of(SettlementRejection.AMOUNT_OUT_OF_RANGE,
                subject(), "dealPayouts", "more components and deal payouts than one settlement takes")
                .withEvidence("entries", entries).withEvidence("limit", MAX_ENTRIES));
        for (int i = 0; i < earnings.components().size(); i++) {
            PeriodEarnings.ComponentEarning component = earnings.components().get(i);
            String field = "components[" + i + "]";
            checks = checks
                    .require(components.putIfAbsent(component.componentId(), component) == null, () -> Rejection.of(
                            SettlementRejection.EARNINGS_INCONSISTENT, subject(), field + ".componentId",
                            "a component appears twice").withEvidence("componentId", component.componentId()))
                    .require(inRange(component.amountMinor()), () -> outOfRange(field + ".amountMinor", component.amountMinor()));
        }
        for (int i = 0; i < earnings.dealPayouts().size(); i++) {
            PeriodEarnings.DealPayout payout = earnings.dealPayouts().get(i);
            String field = "dealPayouts[" + i + "]";
            PeriodEarnings.ComponentEarning component = components.get(payout.componentId());
            checks = checks
                    .require(component != null && component.dealAttributable(), () -> Rejection.of(
                            SettlementRejection.EARNINGS_INCONSISTENT, subject(), field + ".componentId",
                            component == null ? "the deal payout names no component of the earnings"
                                    : "the component is not deal-attributable, yet has deal payouts")
                            .withEvidence("componentId", payout.componentId()))
                    .require(inRange(payout.amountMinor()), () -> outOfRange(field + ".amountMinor", payout.amountMinor()));
            if (inRange(payout.amountMinor())) {
                dealSums.merge(payout.componentId(), payout.amountMinor(), Long::sum);
            }
        }
        for (int i = 0; i < earnings.components().size(); i++) {
            PeriodEarnings.ComponentEarning component = earnings.components().get(i);
            long sum = dealSums.getOrDefault(component.componentId(), 0L);
            checks = checks.require(!component.dealAttributable() || !inRange(component.amountMinor())
                            || sum == component.amountMinor(),
                    () -> Rejection.of(SettlementRejection.EARNINGS_INCONSISTENT, subject(), "components[" + components
                                    .keySet().stream().toList().indexOf(component.componentId()) + "].amountMinor",
                            "a deal-attributable component is the exact sum of its deal payouts")
                            .withEvidence("amountMinor", component.amountMinor()).withEvidence("dealPayoutsMinor", sum));
        }
        return checks;
    }

    private static boolean inRange(long amount) {
        return amount >= -SettlementTerms.MAX_AMOUNT_MINOR && amount <= SettlementTerms.MAX_AMOUNT_MINOR;
    }

    private Rejection outOfRange(String field, long amount) {
        return Rejection.of(SettlementRejection.AMOUNT_OUT_OF_RANGE, subject(), field,
                "the amount is larger than settlement accepts").withEvidence("amountMinor", amount)
                .withEvidence("limit", SettlementTerms.MAX_AMOUNT_MINOR);
    }

    private Checks requireOpen(Checks checks, Period payPeriod) {
        Optional<Statement> statement = statement(payPeriod);
        StatementStatus status = statement.map(Statement::status).orElse(StatementStatus.OPEN);
        return checks
                .require(status != StatementStatus.FINALISED, () -> Rejection.of(SettlementRejection.STATEMENT_FINALISED,
                        subject(), "payPeriod", "the statement of " + payPeriod.label()
                                + " is finalised; put the change into an open period"))
                .require(status != StatementStatus.AWAITING_APPROVAL, () -> Rejection.of(
                        SettlementRejection.STATEMENT_AWAITING_APPROVAL, subject(), "payPeriod",
                        "the statement of " + payPeriod.label() + " waits for finalisation approval"));
    }

    private <T> Either<Rejected, T> guarded(Supplier<T> command) {
        try {
            return Either.right(command.get());
        } catch (ArithmeticException e) {
            return Either.left(Rejected.of(Rejection.of(SettlementRejection.AMOUNT_OUT_OF_RANGE, subject(), "",
                    "a sum of the ledger's amounts would overflow; nothing was changed")));
        }
    }

    private String money(long minor) {
        return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()).toPlainString();
    }

    private static long down(BigDecimal value) {
        return value.setScale(0, RoundingMode.DOWN).longValueExact();
    }

    private boolean clawedBack(String dealId) {
        return clawbacks.stream().anyMatch(c -> c.dealId().equals(dealId));
    }

    private static boolean inside(String periodLabel, Period outer, Map<String, Period> known) {
        Period period = known.get(periodLabel);
        return period != null && outer.contains(period);
    }

    /** The labels of the periods the ledger has settled earnings for, with their periods. */
    private Map<String, Period> settledPeriods() {
        Map<String, Period> periods = new TreeMap<>();
        for (Period month : planYear.children().stream().flatMap(h -> h.children().stream())
                .flatMap(q -> java.util.stream.Stream.concat(java.util.stream.Stream.of(q), q.children().stream())).toList()) {
            periods.put(month.label(), month);
        }
        periods.put(planYear.label(), planYear);
        return periods;
    }

    /** One settlement of one period's earnings, computed against the ledger as it is. */
    private final class Settlement {
        private final PeriodEarnings earnings;
        private final Period period;
        private final Period payPeriod;
        private final Map<String, Period> periods = settledPeriods();
        private final boolean advance;
        private final BigDecimal rate;
        private final Draft draft = new Draft(PayeeLedger.this);
        private final List<StatementLine> lines = new ArrayList<>();

        Settlement(PeriodEarnings earnings, Period payPeriod) {
            this.earnings = earnings;
            this.period = earnings.period();
            this.payPeriod = payPeriod;
            this.advance = terms.advances().isPresent() && period.kind() == PeriodKind.MONTH;
            this.rate = advance ? terms.advances().get().rate() : BigDecimal.ONE;
        }

        Change<PayeeLedger> apply(String reason, ActorId actor, Instant at) {
            int firstNumber = statement(payPeriod).map(s -> s.lines().size()).orElse(0) + 1;
            for (PeriodEarnings.ComponentEarning component : earnings.components()) {
                settleComponent(component, firstNumber);
            }
            for (PeriodEarnings.ComponentEarning absent : absentComponents()) {
                settleComponent(absent, firstNumber);
            }
            if (lines.isEmpty()) {
                return Change.none(PayeeLedger.this);
            }
            draft.planVersion = earnings.planVersion();
            draft.addLines(payPeriod, lines);
            return Change.of(draft.build(), new SettlementEvents.EarningsSettled(participantId, planYear.label(),
                    period.label(), payPeriod.label(), earnings.planVersion(), lines, reason, actor, at));
        }

        private void settleComponent(PeriodEarnings.ComponentEarning component, int firstNumber) {
            String componentId = component.componentId();
            boolean deferred = terms.annualComponents().contains(componentId) && period.kind() != PeriodKind.YEAR;
            boolean settledBefore = false;
            boolean settledInside = false;
            long settled = 0;
            for (Statement statement : statements) {
                for (StatementLine line : statement.lines()) {
                    if (line.kind().settlesEarnings() && line.componentId().equals(componentId)
                            && inside(line.forPeriod(), period, periods)) {
                        settled = Math.addExact(settled, line.amountMinor());
                        settledBefore |= line.forPeriod().equals(period.label());
                        settledInside = true;
                    }
                }
            }
            Map<String, DealTarget> deals = dealTargets(componentId, deferred);
            long frozen = 0;
            for (DealSettlement entry : dealSettlements) {
                if (entry.componentId().equals(componentId) && clawedBack(entry.dealId())
                        && inside(entry.forPeriod(), period, periods)) {
                    frozen = Math.addExact(frozen, entry.amountMinor());
                }
            }
            long target;
            String formula;
            if (deferred) {
                target = 0;
                formula = "annual component: settled at year end";
            } else if (component.dealAttributable()) {
                target = 0;
                for (DealTarget deal : deals.values()) {
                    target = Math.addExact(target, deal.target);
                }
                formula = advance ? "Σ ⌊deal payout × " + rate.toPlainString() + "⌋" : "Σ deal payouts";
            } else {
                target = down(BigDecimal.valueOf(component.amountMinor()).multiply(rate));
                formula = advance ? "⌊" + money(component.amountMinor()) + " × " + rate.toPlainString() + "⌋" : "earned";
            }
            long already = Math.subtractExact(settled, frozen);
            long amount = Math.subtractExact(target, already);
            LineKind kind = deferred ? LineKind.DEFERRED
                    : settledBefore ? LineKind.RECOMPUTE_ADJUSTMENT
                    : advance ? LineKind.ADVANCE
                    : settledInside ? LineKind.TRUE_UP : LineKind.EARNINGS;
            if (amount == 0 && settledBefore) {
                recordDeals(componentId, deals);
                return;
            }
            List<Explanation.Input> inputs = new ArrayList<>();
            inputs.add(new Explanation.Input("earned", money(component.amountMinor())));
            inputs.add(new Explanation.Input("earned because", component.explanation().rule() + ": "
                    + component.explanation().formula()));
            if (advance && !deferred) {
                inputs.add(new Explanation.Input("advance rate", rate.toPlainString()));
            }
            inputs.add(new Explanation.Input("target", money(target)));
            inputs.add(new Explanation.Input("already settled for " + period.label(), money(already)));
            inputs.add(new Explanation.Input("plan version", String.valueOf(earnings.planVersion())));
            String text = formula + " = " + money(target)
                    + (already == 0 ? "" : " − " + money(already) + " already settled = " + money(amount));
            lines.add(new StatementLine(firstNumber + lines.size(), kind, componentId, earnings.planVersion(), period.label(),
                    "", amount, new Explanation("settlement/" + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'),
                    text, inputs)));
            recordDeals(componentId, deals);
        }

        /**
         * The components settled inside the period before that these earnings no longer name: they
         * earned nothing now, so what was settled for them is reversed.
         */
        private List<PeriodEarnings.ComponentEarning> absentComponents() {
            Set<String> named = new LinkedHashSet<>();
            earnings.components().forEach(c -> named.add(c.componentId()));
            Map<String, Boolean> absent = new LinkedHashMap<>();
            for (Statement statement : statements) {
                for (StatementLine line : statement.lines()) {
                    if (line.kind().settlesEarnings() && !named.contains(line.componentId())
                            && inside(line.forPeriod(), period, periods)) {
                        absent.putIfAbsent(line.componentId(), false);
                    }
                }
            }
            for (DealSettlement entry : dealSettlements) {
                if (absent.containsKey(entry.componentId()) && inside(entry.forPeriod(), period, periods)) {
                    absent.put(entry.componentId(), true);
                }
            }
            List<PeriodEarnings.ComponentEarning> components = new ArrayList<>();
            absent.forEach((id, attributable) -> components.add(new PeriodEarnings.ComponentEarning(id, "absent", 0,
                    attributable, new Explanation("settlement/absent-component",
                    "not in the earnings of " + period.label() + ": earned 0", List.of()))));
            return components;
        }

        private Map<String, DealTarget> dealTargets(String componentId, boolean deferred) {
            Map<String, DealTarget> deals = new TreeMap<>();
            for (PeriodEarnings.DealPayout payout : earnings.dealPayouts()) {
                if (!payout.componentId().equals(componentId) || clawedBack(payout.dealId())) {
                    continue;
                }
                DealTarget deal = deals.computeIfAbsent(payout.dealId(), id -> new DealTarget(payout.creditedOn(), payout.rate()));
                deal.payout = Math.addExact(deal.payout, payout.amountMinor());
                if (payout.creditedOn().isBefore(deal.creditedOn)) {
                    deal.creditedOn = payout.creditedOn();
                }
            }
            for (DealSettlement entry : dealSettlements) {
                if (entry.componentId().equals(componentId) && !clawedBack(entry.dealId())
                        && inside(entry.forPeriod(), period, periods)) {
                    DealTarget deal = deals.computeIfAbsent(entry.dealId(), id -> new DealTarget(entry.creditedOn(), entry.rate()));
                    deal.settled = Math.addExact(deal.settled, entry.amountMinor());
                }
            }
            for (DealTarget deal : deals.values()) {
                deal.target = deferred ? 0 : down(BigDecimal.valueOf(deal.payout).multiply(rate));
            }
            return deals;
        }

        private void recordDeals(String componentId, Map<String, DealTarget> deals) {
            long held = 0;
            for (Map.Entry<String, DealTarget> entry : deals.entrySet()) {
                DealTarget deal = entry.getValue();
                long delta = Math.subtractExact(deal.target, deal.settled);
                if (delta == 0) {
                    continue;
                }
                draft.dealSettlements.add(new DealSettlement(entry.getKey(), componentId, period.label(), payPeriod.label(),
                        delta, deal.rate, deal.creditedOn));
                if (delta > 0 && terms.hold().isPresent()) {
                    long hold = down(BigDecimal.valueOf(delta).multiply(terms.hold().get().share()));
                    if (hold > 0) {
                        draft.holds.add(new HeldAmount("H-" + (++draft.sequence), entry.getKey(), componentId, hold,
                                deal.creditedOn, terms.hold().get().until(), payPeriod.label(), Optional.empty()));
                        held = Math.addExact(held, hold);
                    }
                }
            }
            if (held > 0) {
                BigDecimal share = terms.hold().get().share();
                lines.add(new StatementLine(0, LineKind.HOLD, componentId, earnings.planVersion(), period.label(), "",
                        -held, new Explanation("settlement/hold", "−Σ ⌊positive deal amount × " + share.toPlainString()
                        + "⌋ = " + money(-held), List.of(new Explanation.Input("hold share", share.toPlainString()),
                        new Explanation.Input("until", terms.hold().get().until().name())))));
                renumber();
            }
        }

        private void renumber() {
            int first = statement(payPeriod).map(s -> s.lines().size()).orElse(0) + 1;
            for (int i = 0; i < lines.size(); i++) {
                StatementLine line = lines.get(i);
                lines.set(i, new StatementLine(first + i, line.kind(), line.componentId(), line.planVersion(),
                        line.forPeriod(), line.dealId(), line.amountMinor(), line.explanation()));
            }
        }
    }

    private static final class DealTarget {
        LocalDate creditedOn;
        final Optional<BigDecimal> rate;
        long payout;
        long settled;
        long target;

        DealTarget(LocalDate creditedOn, Optional<BigDecimal> rate) {
            this.creditedOn = creditedOn;
            this.rate = rate;
        }
    }

    // ------------------------------------------------------------------ clawbacks and holds

    /**
     * Reverses what a cancelled or refunded deal was paid (see the class description), as negative
     * lines in the pay period's statement. A cancellation whose source id was processed changes nothing.
     */
    public Either<Rejected, Change<PayeeLedger>> clawBack(Cancellation cancellation, Period payPeriod, String reason,
                                                          ActorId actor, Instant at) {
        if (processedSources.contains(cancellation.sourceId())) {
            return Either.right(Change.none(this));
        }
        BigDecimal share = cancellation.refundedShare();
        Checks checks = requireOpen(Checks.start(), payPeriod)
                .require(share.signum() > 0 && share.compareTo(BigDecimal.ONE) <= 0
                                && share.stripTrailingZeros().scale() <= SettlementTerms.MAX_SHARE_SCALE,
                        () -> Rejection.of(SharedRejection.NOT_ALLOWED, subject(), "refundedShare",
                                "a refunded share is above 0 up to 1, with at most 6 decimals")
                                .withEvidence("refundedShare", share.toPlainString()));
        Checks shape = checks;
        return guarded(() -> {
            Map<String, Map<LocalDate, long[]>> paid = new TreeMap<>();
            Map<String, Optional<BigDecimal>> rates = new TreeMap<>();
            for (DealSettlement entry : dealSettlements) {
                if (entry.dealId().equals(cancellation.dealId())) {
                    long[] sum = paid.computeIfAbsent(entry.componentId(), c -> new TreeMap<>())
                            .computeIfAbsent(entry.creditedOn(), d -> new long[1]);
                    sum[0] = Math.addExact(sum[0], entry.amountMinor());
                    rates.putIfAbsent(entry.componentId(), entry.rate());
                }
            }
            LocalDate earliest = paid.values().stream().flatMap(m -> m.keySet().stream()).min(LocalDate::compareTo).orElse(null);
            Checks found = shape
                    .require(!paid.isEmpty(), () -> Rejection.of(SettlementRejection.DEAL_NOT_PAID, subject(), "dealId",
                            "the deal was never paid in this ledger").withEvidence("dealId", cancellation.dealId()))
                    .require(earliest == null || !cancellation.cancelledOn().isBefore(earliest), () -> Rejection.of(
                            SettlementRejection.CANCELLED_BEFORE_CREDITED, subject(), "cancelledOn",
                            "the cancellation is dated before the deal was credited")
                            .withEvidence("creditedOn", earliest).withEvidence("cancelledOn", cancellation.cancelledOn()));
            if (!found.passed()) {
                return found.<Change<PayeeLedger>>thenRight(() -> null);
            }
            return clawBackChecked(cancellation, payPeriod, paid, rates, reason, actor, at);
        }).flatMap(result -> result);
    }

    private Either<Rejected, Change<PayeeLedger>> clawBackChecked(Cancellation cancellation, Period payPeriod,
                                                                  Map<String, Map<LocalDate, long[]>> paid,
                                                                  Map<String, Optional<BigDecimal>> rates, String reason,
                                                                  ActorId actor, Instant at) {
        SettlementTerms.Clawback policy = terms.clawback();
        int window = policy.windowDays();
        Draft draft = new Draft(this);
        List<StatementLine> lines = new ArrayList<>();
        int first = statement(payPeriod).map(s -> s.lines().size()).orElse(0) + 1;
        boolean anyInside = false;
        long total = 0;
        for (Map.Entry<String, Map<LocalDate, long[]>> component : paid.entrySet()) {
            long paidTotal = 0;
            long wanted = 0;
            List<String> parts = new ArrayList<>();
            for (Map.Entry<LocalDate, long[]> byDate : component.getValue().entrySet()) {
                long amount = byDate.getValue()[0];
                paidTotal = Math.addExact(paidTotal, amount);
                long elapsed = ChronoUnit.DAYS.between(byDate.getKey(), cancellation.cancelledOn());
                if (elapsed >= window || amount <= 0) {
                    continue;
                }
                anyInside = true;
                BigDecimal factor = cancellation.refundedShare();
                BigDecimal reversed = BigDecimal.valueOf(amount).multiply(factor);
                if (policy.mode() == SettlementTerms.ClawbackMode.PRORATED) {
                    reversed = reversed.multiply(BigDecimal.valueOf(window - elapsed))
                            .divide(BigDecimal.valueOf(window), 0, RoundingMode.DOWN);
                }
                wanted = Math.addExact(wanted, down(reversed));
                parts.add(money(amount) + " × " + factor.toPlainString()
                        + (policy.mode() == SettlementTerms.ClawbackMode.PRORATED
                        ? " × (" + window + " − " + elapsed + ") ÷ " + window : ""));
            }
            long before = 0;
            for (DealClawback earlier : clawbacks) {
                if (earlier.dealId().equals(cancellation.dealId()) && earlier.componentId().equals(component.getKey())) {
                    before = Math.addExact(before, earlier.amountMinor());
                }
            }
            long left = Math.max(0, Math.subtractExact(paidTotal, before));
            long amount = Math.min(wanted, left);
            if (amount <= 0) {
                continue;
            }
            total = Math.addExact(total, amount);
            draft.clawbacks.add(new DealClawback(cancellation.sourceId(), cancellation.dealId(), component.getKey(), amount,
                    payPeriod.label()));
            String ruleName = "settlement/clawback-" + policy.mode().name().toLowerCase(java.util.Locale.ROOT);
            lines.add(new StatementLine(first + lines.size(), LineKind.CLAWBACK, component.getKey(), planVersion,
                    payPeriod.label(), cancellation.dealId(), -amount, new Explanation(ruleName,
                    "−(" + String.join(" + ", parts) + ")" + (amount < wanted ? " capped at " + money(left) + " left" : "")
                            + " = " + money(-amount),
                    List.of(new Explanation.Input("deal", cancellation.dealId()),
                            new Explanation.Input("paid", money(paidTotal)),
                            new Explanation.Input("paid at rate", rates.get(component.getKey()).map(BigDecimal::toPlainString)
                                    .orElse("n/a")),
                            new Explanation.Input("clawed back before", money(before)),
                            new Explanation.Input("cancelled on", cancellation.cancelledOn().toString()),
                            new Explanation.Input("refunded share", cancellation.refundedShare().toPlainString()),
                            new Explanation.Input("window days", String.valueOf(window))))));
        }
        if (!anyInside) {
            return Either.left(Rejected.of(Rejection.of(SettlementRejection.OUTSIDE_CLAWBACK_WINDOW, subject(), "cancelledOn",
                    "the cancellation is " + window + " or more days after every credit of the deal")
                    .withEvidence("cancelledOn", cancellation.cancelledOn())));
        }
        if (lines.isEmpty()) {
            return Either.left(Rejected.of(Rejection.of(SettlementRejection.DEAL_NOT_PAID, subject(), "dealId",
                    "nothing of the deal is left to claw back").withEvidence("dealId", cancellation.dealId())));
        }
        List<String> released = releaseLines(draft, lines, payPeriod, first,
                hold -> hold.dealId().equals(cancellation.dealId()), "released against the clawback of " + cancellation.dealId());
        draft.processedSources.add(cancellation.sourceId());
        draft.addLines(payPeriod, lines);
        List<DomainEvent> events = new ArrayList<>();
        events.add(new SettlementEvents.DealClawedBack(participantId, planYear.label(), cancellation.sourceId(),
                cancellation.dealId(), payPeriod.label(), total, terms.clawback().reducesAttainment(),
                lines, reason, actor, at));
        return Either.right(new Change<>(draft.build(), events));
    }

    /**
     * Releases the deal's amounts held until the customer's payment, as positive lines in the pay
     * period's statement. Idempotent by the payment's source id; nothing held: nothing changes.
     */
    public Either<Rejected, Change<PayeeLedger>> releaseOnPayment(String dealId, String paymentSourceId, Period payPeriod,
                                                                  String reason, ActorId actor, Instant at) {
        if (processedSources.contains(paymentSourceId)) {
            return Either.right(Change.none(this));
        }
        return release(payPeriod, hold -> hold.dealId().equals(dealId)
                        && hold.until() == SettlementTerms.HoldCondition.PAYMENT_RECEIVED,
                "payment " + paymentSourceId + " received for " + dealId, Optional.of(paymentSourceId), reason, actor, at);
    }

    /**
     * Releases every amount held until the clawback window passed whose window ended on or before
     * {@code asOf} ({@code creditedOn + windowDays ≤ asOf}). Nothing due: nothing changes.
     */
    public Either<Rejected, Change<PayeeLedger>> releaseMatured(LocalDate asOf, Period payPeriod, String reason,
                                                                ActorId actor, Instant at) {
        int window = terms.clawback().windowDays();
        return release(payPeriod, hold -> hold.until() == SettlementTerms.HoldCondition.CLAWBACK_WINDOW_PASSED
                        && !hold.creditedOn().plusDays(window).isAfter(asOf),
                "clawback window of " + window + " days passed by " + asOf, Optional.empty(), reason, actor, at);
    }

    private Either<Rejected, Change<PayeeLedger>> release(Period payPeriod, java.util.function.Predicate<HeldAmount> due,
                                                          String why, Optional<String> source, String reason,
                                                          ActorId actor, Instant at) {
        Checks checks = requireOpen(Checks.start(), payPeriod);
        if (!checks.passed()) {
            return checks.thenRight(() -> null);
        }
        if (holds.stream().noneMatch(h -> h.outstanding() && due.test(h))) {
            return Either.right(Change.none(this));
        }
        return guarded(() -> {
            Draft draft = new Draft(this);
            List<StatementLine> lines = new ArrayList<>();
            int first = statement(payPeriod).map(s -> s.lines().size()).orElse(0) + 1;
            List<String> released = releaseLines(draft, lines, payPeriod, first, due, why);
            source.ifPresent(draft.processedSources::add);
            draft.addLines(payPeriod, lines);
            return Change.of(draft.build(), new SettlementEvents.HoldsReleased(participantId, planYear.label(),
                    payPeriod.label(), released, lines, reason, actor, at));
        });
    }

    private List<String> releaseLines(Draft draft, List<StatementLine> lines, Period payPeriod, int first,
                                      java.util.function.Predicate<HeldAmount> due, String why) {
        Map<String, Long> byComponent = new LinkedHashMap<>();
        Map<String, List<String>> idsByComponent = new LinkedHashMap<>();
        List<String> released = new ArrayList<>();
        for (int i = 0; i < draft.holds.size(); i++) {
            HeldAmount hold = draft.holds.get(i);
            if (hold.outstanding() && due.test(hold)) {
                draft.holds.set(i, hold.releasedIn(payPeriod.label()));
                byComponent.merge(hold.componentId(), hold.amountMinor(), Math::addExact);
                idsByComponent.computeIfAbsent(hold.componentId(), c -> new ArrayList<>()).add(hold.holdId());
                released.add(hold.holdId());
            }
        }
        for (Map.Entry<String, Long> entry : byComponent.entrySet()) {
            lines.add(new StatementLine(first + lines.size(), LineKind.RELEASE, entry.getKey(), planVersion,
                    payPeriod.label(), "", entry.getValue(), new Explanation("settlement/hold-release",
                    "Σ held " + String.join(", ", idsByComponent.get(entry.getKey())) + " = " + money(entry.getValue()),
                    List.of(new Explanation.Input("condition", why)))));
        }
        return released;
    }

    // ------------------------------------------------------------------ finalisation, draws, adjustments, disputes

    /** Proposes the pay period's open statement for finalisation; somebody else approves it. */
    public Either<Rejected, Change<PayeeLedger>> proposeFinalisation(Period payPeriod, String reason, ActorId actor,
                                                                     Instant at) {
        Optional<Statement> statement = statement(payPeriod);
        Checks checks = Checks.start()
                .require(statement.isPresent(), () -> noStatement(payPeriod))
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "a finalisation needs a reason for the audit trail"));
        if (statement.isPresent()) {
            checks = requireOpen(checks, payPeriod);
        }
        return checks.thenRight(() -> null).flatMap(ignored -> guarded(() -> {
            long total = statement.get().totalMinor();
            Draft draft = new Draft(this);
            draft.replace(statement.get().with(StatementStatus.AWAITING_APPROVAL, statement.get().lines(),
                    Optional.of(new PendingApproval<>("total before draw " + money(total), actor, at, reason)),
                    Optional.empty(), Optional.empty()));
            return Change.of(draft.build(), new SettlementEvents.FinalisationProposed(participantId, planYear.label(),
                    payPeriod.label(), total, reason, actor, at));
        }));
    }

    /**
     * Approves a proposed finalisation: the draw lines are added (see the class description) and the
     * statement becomes immutable. Refused for the proposer.
     */
    public Either<Rejected, Change<PayeeLedger>> approveFinalisation(Period payPeriod, ActorId approver, Instant at) {
        Optional<Statement> statement = statement(payPeriod).filter(s -> s.status() == StatementStatus.AWAITING_APPROVAL);
        if (statement.isEmpty()) {
            return Either.left(Rejected.of(Rejection.of(SharedRejection.NOTHING_PENDING, subject(), "payPeriod",
                    "no finalisation of " + payPeriod.label() + " waits for approval")));
        }
        PendingApproval<String> pending = statement.get().finalisation().orElseThrow();
        return pending.approvableBy(approver, subject()).thenRight(() -> null).flatMap(ignored -> guarded(() -> {
            Statement current = statement.get();
            long payable = current.totalMinor();
            List<StatementLine> drawLines = new ArrayList<>();
            long balance = drawBalanceMinor;
            long forgiven = forgivenMinor;
            if (terms.draw().isPresent()) {
                SettlementTerms.Draw draw = terms.draw().get();
                long guaranteed = draw.amountMinor(currency);
                int number = current.lines().size() + 1;
                boolean recoverable = draw.kind() == SettlementTerms.DrawKind.RECOVERABLE;
                if (payable < guaranteed) {
                    long topUp = Math.subtractExact(guaranteed, payable);
                    if (recoverable) {
                        balance = Math.subtractExact(balance, topUp);
                    } else {
                        forgiven = Math.addExact(forgiven, topUp);
                    }
                    drawLines.add(new StatementLine(number, LineKind.DRAW_TOP_UP, DRAW, planVersion, payPeriod.label(), "",
                            topUp, new Explanation("settlement/draw-top-up/" + draw.kind().name().toLowerCase(java.util.Locale.ROOT),
                            money(guaranteed) + " draw − " + money(payable) + " payable = " + money(topUp)
                                    + (recoverable ? "; balance " + money(drawBalanceMinor) + " → " + money(balance)
                                    : "; forgiven (non-recoverable)"),
                            List.of(new Explanation.Input("draw", money(guaranteed)),
                                    new Explanation.Input("payable before draw", money(payable)),
                                    new Explanation.Input("kind", draw.kind().name())))));
                } else if (recoverable && balance < 0 && payable > guaranteed) {
                    long recovery = Math.min(Math.subtractExact(payable, guaranteed), -balance);
                    balance = Math.addExact(balance, recovery);
                    drawLines.add(new StatementLine(number, LineKind.DRAW_RECOVERY, DRAW, planVersion, payPeriod.label(), "",
                            -recovery, new Explanation("settlement/draw-recovery",
                            "−min(" + money(payable) + " payable − " + money(guaranteed) + " draw, " + money(-drawBalanceMinor)
                                    + " owed) = " + money(-recovery) + "; balance " + money(drawBalanceMinor) + " → " + money(balance),
                            List.of(new Explanation.Input("draw", money(guaranteed)),
                                    new Explanation.Input("payable before draw", money(payable)),
                                    new Explanation.Input("owed before", money(-drawBalanceMinor))))));
                }
            }
            List<StatementLine> lines = new ArrayList<>(current.lines());
            lines.addAll(drawLines);
            Draft draft = new Draft(this);
            draft.drawBalance = balance;
            draft.forgiven = forgiven;
            Statement finalised = current.with(StatementStatus.FINALISED, lines, Optional.empty(), Optional.of(approver),
                    Optional.of(at));
            draft.replace(finalised);
            return Change.of(draft.build(), new SettlementEvents.StatementFinalised(participantId, planYear.label(),
                    payPeriod.label(), drawLines, finalised.totalMinor(), balance, pending.proposedBy(), approver, at));
        }));
    }

    /** Sends a finalisation proposal back (or withdraws it); the statement is open again. */
    public Either<Rejected, Change<PayeeLedger>> rejectFinalisation(Period payPeriod, String reason, ActorId actor,
                                                                    Instant at) {
        Optional<Statement> statement = statement(payPeriod).filter(s -> s.status() == StatementStatus.AWAITING_APPROVAL);
        return Checks.start()
                .require(statement.isPresent(), () -> Rejection.of(SharedRejection.NOTHING_PENDING, subject(), "payPeriod",
                        "no finalisation of " + payPeriod.label() + " waits for approval"))
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "sending a statement back needs a reason"))
                .thenRight(() -> {
                    Draft draft = new Draft(this);
                    draft.replace(statement.get().with(StatementStatus.OPEN, statement.get().lines(), Optional.empty(),
                            Optional.empty(), Optional.empty()));
                    return Change.of(draft.build(), new SettlementEvents.FinalisationRejected(participantId,
                            planYear.label(), payPeriod.label(), reason, actor, at));
                });
    }

    /** Proposes a manual adjustment into an open pay period; somebody else approves it. */
    public Either<Rejected, Change<PayeeLedger>> proposeAdjustment(Period payPeriod, String componentId, long amountMinor,
                                                                   String reason, ActorId actor, Instant at) {
        return requireOpen(Checks.start(), payPeriod)
                .require(amountMinor != 0, () -> Rejection.of(SharedRejection.NOT_ALLOWED, subject(), "amountMinor",
                        "an adjustment changes the amount"))
                .require(inRange(amountMinor), () -> outOfRange("amountMinor", amountMinor))
                .require(!componentId.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "componentId",
                        "name the component adjusted, or \"" + MANUAL + "\""))
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "an adjustment needs a reason for the audit trail"))
                .thenRight(() -> {
                    Draft draft = new Draft(this);
                    String id = "ADJ-" + (++draft.sequence);
                    ManualAdjustment adjustment = new ManualAdjustment(payPeriod.label(), componentId, amountMinor);
                    draft.pendingAdjustments.add(new PendingAdjustment(id,
                            new PendingApproval<>(adjustment, actor, at, reason)));
                    return Change.of(draft.build(), new SettlementEvents.AdjustmentProposed(participantId,
                            planYear.label(), id, adjustment, reason, actor, at));
                });
    }

    /** Approves a pending manual adjustment, which lands as a line; refused for its proposer. */
    public Either<Rejected, Change<PayeeLedger>> approveAdjustment(String adjustmentId, Period payPeriod, ActorId approver,
                                                                   Instant at) {
        Optional<PendingAdjustment> pending = pendingAdjustments.stream()
                .filter(p -> p.adjustmentId().equals(adjustmentId)).findFirst();
        if (pending.isEmpty()) {
            return Either.left(Rejected.of(Rejection.of(SettlementRejection.ADJUSTMENT_NOT_FOUND, subject(), "adjustmentId",
                    "no adjustment " + adjustmentId + " waits for approval")));
        }
        PendingApproval<ManualAdjustment> approval = pending.get().approval();
        ManualAdjustment adjustment = approval.proposal();
        Checks checks = approval.approvableBy(approver, subject())
                .require(adjustment.payPeriod().equals(payPeriod.label()), () -> Rejection.of(SharedRejection.NOT_ALLOWED,
                        subject(), "payPeriod", "the adjustment was proposed for " + adjustment.payPeriod()));
        checks = requireOpen(checks, payPeriod);
        return checks.thenRight(() -> null).flatMap(ignored -> guarded(() -> {
            Draft draft = new Draft(this);
            draft.pendingAdjustments.remove(pending.get());
            StatementLine line = new StatementLine(statement(payPeriod).map(s -> s.lines().size()).orElse(0) + 1,
                    LineKind.MANUAL_ADJUSTMENT, adjustment.componentId(), planVersion, payPeriod.label(), "",
                    adjustment.amountMinor(), new Explanation("settlement/manual-adjustment",
                    "approved adjustment " + adjustmentId + " = " + money(adjustment.amountMinor()),
                    List.of(new Explanation.Input("reason", approval.reason()),
                            new Explanation.Input("proposed by", approval.proposedBy().value()),
                            new Explanation.Input("approved by", approver.value()))));
            draft.addLines(payPeriod, List.of(line));
            return Change.of(draft.build(), new SettlementEvents.AdjustmentApproved(participantId, planYear.label(),
                    adjustmentId, line, approval.proposedBy(), approver, at));
        }));
    }

    /** Rejects (or, by its proposer, withdraws) a pending manual adjustment. */
    public Either<Rejected, Change<PayeeLedger>> rejectAdjustment(String adjustmentId, String reason, ActorId actor,
                                                                  Instant at) {
        Optional<PendingAdjustment> pending = pendingAdjustments.stream()
                .filter(p -> p.adjustmentId().equals(adjustmentId)).findFirst();
        return Checks.start()
                .require(pending.isPresent(), () -> Rejection.of(SettlementRejection.ADJUSTMENT_NOT_FOUND, subject(),
                        "adjustmentId", "no adjustment " + adjustmentId + " waits for approval"))
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "rejecting an adjustment needs a reason"))
                .thenRight(() -> {
                    Draft draft = new Draft(this);
                    draft.pendingAdjustments.remove(pending.get());
                    return Change.of(draft.build(), new SettlementEvents.AdjustmentRejected(participantId,
                            planYear.label(), adjustmentId, reason, actor, at));
                });
    }

    /** Records a dispute against a statement line (finalised or not); the statement itself is not changed. */
    public Either<Rejected, Change<PayeeLedger>> raiseDispute(Period payPeriod, int lineNumber, String text, ActorId actor,
                                                              Instant at) {
        Optional<Statement> statement = statement(payPeriod);
        return Checks.start()
                .require(statement.isPresent(), () -> noStatement(payPeriod))
                .require(statement.isEmpty() || statement.get().line(lineNumber).isPresent(), () -> Rejection.of(
                        SettlementRejection.LINE_NOT_FOUND, subject(), "lineNumber", "the statement has no such line")
                        .withEvidence("lineNumber", lineNumber))
                .require(!text.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "text",
                        "a dispute says what is disputed"))
                .thenRight(() -> {
                    Draft draft = new Draft(this);
                    Dispute dispute = new Dispute("D-" + (++draft.sequence), payPeriod.label(), lineNumber, text, actor, at,
                            Optional.empty(), Optional.empty(), Optional.empty());
                    draft.disputes.add(dispute);
                    return Change.of(draft.build(), new SettlementEvents.DisputeRaised(participantId, planYear.label(),
                            dispute, actor, at));
                });
    }

    /** Resolves an open dispute; a correction, if any, is a separate adjustment. */
    public Either<Rejected, Change<PayeeLedger>> resolveDispute(String disputeId, String resolution, ActorId actor,
                                                                Instant at) {
        Optional<Dispute> dispute = disputes.stream().filter(d -> d.disputeId().equals(disputeId) && d.open()).findFirst();
        return Checks.start()
                .require(dispute.isPresent(), () -> Rejection.of(SettlementRejection.DISPUTE_NOT_OPEN, subject(),
                        "disputeId", "no open dispute " + disputeId))
                .require(!resolution.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "resolution",
                        "a resolution says how the dispute was settled"))
                .thenRight(() -> {
                    Draft draft = new Draft(this);
                    Dispute found = dispute.get();
                    draft.disputes.set(draft.disputes.indexOf(found), new Dispute(found.disputeId(), found.payPeriod(),
                            found.lineNumber(), found.text(), found.raisedBy(), found.raisedAt(), Optional.of(resolution),
                            Optional.of(actor), Optional.of(at)));
                    return Change.of(draft.build(), new SettlementEvents.DisputeResolved(participantId, planYear.label(),
                            disputeId, resolution, actor, at));
                });
    }

    /**
     * Closes the plan year: an outstanding recoverable draw balance is forgiven or carried forward
     * as the draw's {@link SettlementTerms.YearEndPolicy} says (the next year's ledger is opened
     * with it). The ledger then takes no new settlement.
     */
    public Either<Rejected, Change<PayeeLedger>> closeYear(String reason, ActorId actor, Instant at) {
        return Checks.start()
                .require(!yearClosed, () -> Rejection.of(SettlementRejection.YEAR_CLOSED, subject(), "yearClosed",
                        "the plan year is closed already"))
                .require(!reason.isBlank(), () -> Rejection.of(SharedRejection.REQUIRED, subject(), "reason",
                        "closing a year needs a reason for the audit trail"))
                .thenRight(() -> null).flatMap(ignored -> guarded(() -> {
                    boolean forgive = terms.draw().map(d -> d.yearEnd() == SettlementTerms.YearEndPolicy.FORGIVE).orElse(true);
                    long forgiven = forgive ? -drawBalanceMinor : 0;
                    long carried = forgive ? 0 : -drawBalanceMinor;
                    Draft draft = new Draft(this);
                    draft.yearClosed = true;
                    draft.drawBalance = forgive ? 0 : drawBalanceMinor;
                    draft.forgiven = Math.addExact(forgivenMinor, forgiven);
                    return Change.of(draft.build(), new SettlementEvents.PlanYearClosed(participantId, planYear.label(),
                            drawBalanceMinor, forgiven, carried, reason, actor, at));
                }));
    }

    private Rejection noStatement(Period payPeriod) {
        return Rejection.of(SettlementRejection.STATEMENT_NOT_FOUND, subject(), "payPeriod",
                "no statement for " + payPeriod.label());
    }

    /** A mutable copy of the ledger that one command changes and then builds into the next state. */
    private static final class Draft {
        final PayeeLedger from;
        final List<Statement> statements;
        final List<DealSettlement> dealSettlements;
        final List<HeldAmount> holds;
        final List<DealClawback> clawbacks;
        final List<PendingAdjustment> pendingAdjustments;
        final List<Dispute> disputes;
        final Set<String> processedSources;
        int planVersion;
        long drawBalance;
        long forgiven;
        boolean yearClosed;
        long sequence;

        Draft(PayeeLedger from) {
            this.from = from;
            statements = new ArrayList<>(from.statements());
            dealSettlements = new ArrayList<>(from.dealSettlements());
            holds = new ArrayList<>(from.holds());
            clawbacks = new ArrayList<>(from.clawbacks());
            pendingAdjustments = new ArrayList<>(from.pendingAdjustments());
            disputes = new ArrayList<>(from.disputes());
            processedSources = new LinkedHashSet<>(from.processedSources());
            planVersion = from.planVersion();
            drawBalance = from.drawBalanceMinor();
            forgiven = from.forgivenMinor();
            yearClosed = from.yearClosed();
            sequence = from.sequence();
        }

        void addLines(Period payPeriod, List<StatementLine> lines) {
            for (int i = 0; i < statements.size(); i++) {
                if (statements.get(i).period().equals(payPeriod)) {
                    statements.set(i, statements.get(i).withLines(lines));
                    return;
                }
            }
            statements.add(Statement.open(payPeriod).withLines(lines));
            statements.sort(java.util.Comparator.comparing((Statement s) -> s.period().start())
                    .thenComparing(s -> s.period().endExclusive()));
        }

        void replace(Statement statement) {
            for (int i = 0; i < statements.size(); i++) {
                if (statements.get(i).period().equals(statement.period())) {
                    statements.set(i, statement);
                    return;
                }
            }
            throw new IllegalStateException("no statement for " + statement.period());
        }

        PayeeLedger build() {
            return new PayeeLedger(from.participantId(), from.planId(), from.planYear(), from.currency(), from.terms(),
                    planVersion, drawBalance, forgiven, yearClosed, statements, dealSettlements, holds, clawbacks,
                    pendingAdjustments, disputes, processedSources, sequence);
        }
    }
}
