package dev.saleskernel.examples.quickstart;

import dev.saleskernel.application.AccessDecision;
import dev.saleskernel.application.Authorization;
import dev.saleskernel.application.CommandContext;
import dev.saleskernel.application.JsonDocuments;
import dev.saleskernel.application.PublishedEvent;
import dev.saleskernel.application.SalesKernel;
import dev.saleskernel.examples.postgres.PostgresWiring;
import dev.saleskernel.money.Allocation;
import dev.saleskernel.money.Conversion;
import dev.saleskernel.money.ExchangeRateTable;
import dev.saleskernel.money.Money;
import dev.saleskernel.period.DateRange;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.FiscalYearNaming;
import dev.saleskernel.period.Period;
import dev.saleskernel.period.Proration;
import dev.saleskernel.persistence.spi.OutboxStore;
import dev.saleskernel.persistence.spi.RecordStore;
import dev.saleskernel.shared.Rejected;
import dev.saleskernel.shared.Rejection;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.store.memory.InMemoryStore;
import dev.saleskernel.tenant.SettingsValues;
import dev.saleskernel.tenant.TenantSettings;
import java.io.PrintStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Month;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;

/**
 * A host application in one class. It wires Sales Kernel on the in-memory store and walks through
 * what the foundation offers: tenant settings with a four-eyes change, fiscal periods, exact
 * proration and allocation, dated currency conversion, refusals that name every reason,
 * idempotent commands and the audit trail from the outbox.
 *
 * <p>Run it with {@code mvn -q -pl examples/quickstart -am install -DskipTests && mvn -q -pl examples/quickstart exec:java}
 * (the README has the one-line form).
 */
public final class Quickstart {
    static final TenantId ACME = TenantId.of("acme-trading");
    static final java.util.Currency CNY = java.util.Currency.getInstance("CNY");
    static final java.util.Currency USD = java.util.Currency.getInstance("USD");
    /** The scenario's "now": a fixed clock, so every run prints the same report. */
    static final Instant NOW = Instant.parse("2026-08-17T02:00:00Z");
    static final Set<String> ADMINISTRATORS = Set.of("li.na", "wang.wei");

    private final PrintStream out;

    Quickstart(PrintStream out) {
        this.out = out;
    }

    /**
     * Runs the tour on a fresh in-memory store, or with {@code --postgres=<jdbc-url>} (and optionally
     * {@code --user=} and {@code --password=}) on that PostgreSQL database, whose schema it applies;
     * use an empty database, because a second run sees its own earlier commands as replays.
     */
    public static void main(String[] args) {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        java.util.Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            String[] option = arg.split("=", 2);
            options.put(option[0], option.length > 1 ? option[1] : "");
        }
        if (!options.containsKey("--postgres")) {
            new Quickstart(out).run();
            return;
        }
        try (PostgresWiring postgres = PostgresWiring.connect(options.get("--postgres"), options.get("--user"),
                options.get("--password"))) {
            new Quickstart(out).run(postgres.store(), postgres.store());
        }
    }

    /** Runs the tour on a fresh in-memory store. */
    void run() {
        InMemoryStore store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC));
        run(store, store);
    }

    /**
     * Runs the tour on the given stores (empty, or at least without the tenant {@code acme-trading}),
     * so the same scenario can run on any adapter and its report be compared with the in-memory one.
     */
    void run(RecordStore store, OutboxStore outbox) {
        Authorization onlyAdministratorsChangeSettings = request -> ADMINISTRATORS.contains(request.actor().value())
                ? AccessDecision.granted()
                : AccessDecision.denied("only administrators change tenant settings");
        ExchangeRateTable rates = JsonDocuments.exchangeRates("""
                {"rates": [
                  {"from": "USD", "to": "CNY", "rate": "7.1050", "effectiveFrom": "2026-07-01"},
                  {"from": "USD", "to": "CNY", "rate": "7.1800", "effectiveFrom": "2026-08-01"}
                ]}""").getOrElseThrow(rejected -> new IllegalStateException(rejected.toString()));
        SalesKernel kernel = SalesKernel.builder()
                .recordStore(store)
                .outboxStore(outbox)
                .authorization(onlyAdministratorsChangeSettings)
                .exchangeRates(rates)
                .clock(Clock.fixed(NOW, ZoneOffset.UTC))
                .build();

        heading("1. Tenant settings");
        SettingsValues calendarYear = new SettingsValues("Acme Trading 华东销售", CNY, Month.JANUARY,
                FiscalYearNaming.END_YEAR, RoundingMode.HALF_EVEN);
        show("a sales rep tries to configure the tenant",
                kernel.tenantSettings().configure(CommandContext.of(ACME.value(), "zhao.lei", "cmd-001"), calendarYear));
        show("an administrator sends a configuration with two mistakes",
                kernel.tenantSettings().configure(CommandContext.of(ACME.value(), "li.na", "cmd-002"),
                        new SettingsValues(" ", CNY, Month.JANUARY, FiscalYearNaming.END_YEAR, RoundingMode.UNNECESSARY)));
        show("the administrator configures it properly",
                kernel.tenantSettings().configure(CommandContext.of(ACME.value(), "li.na", "cmd-003"), calendarYear));

        SettingsValues aprilYear = new SettingsValues(calendarYear.displayName(), CNY, Month.APRIL,
                FiscalYearNaming.END_YEAR, RoundingMode.HALF_EVEN);
        show("li.na proposes an April fiscal year",
                kernel.tenantSettings().proposeChange(CommandContext.of(ACME.value(), "li.na", "cmd-004"), aprilYear,
                        "align with the group's April-March reporting"));
        show("li.na tries to approve her own proposal",
                kernel.tenantSettings().approveChange(CommandContext.of(ACME.value(), "li.na", "cmd-005")));
        show("wang.wei approves it",
                kernel.tenantSettings().approveChange(CommandContext.of(ACME.value(), "wang.wei", "cmd-006")));
        show("the same approval is sent again (network retry, same command id)",
                kernel.tenantSettings().approveChange(CommandContext.of(ACME.value(), "wang.wei", "cmd-006")));

        TenantSettings settings = kernel.tenantSettings().find(ACME).orElseThrow();
        FiscalCalendar calendar = settings.values().fiscalCalendar();

        heading("2. Fiscal periods (year starts in " + settings.values().fiscalYearStart() + ")");
        LocalDate today = LocalDate.ofInstant(NOW, ZoneOffset.UTC);
        Period quarter = calendar.quarterOf(today);
        out.printf("  %s falls in %s, %s, %s, %s%n", today, calendar.yearOf(today).label(), calendar.halfOf(today).label(),
                quarter.label(), calendar.monthOf(today).label());
        out.printf("  %s runs %s .. %s (%d days)%n", quarter.label(), quarter.start(), quarter.range().last(), quarter.days());

        heading("3. Proration by days");
        Money quarterlyTarget = Money.of("300000.00", CNY);
        DateRange hiredMidQuarter = DateRange.of(LocalDate.of(2026, 8, 17), quarter.endExclusive());
        out.printf("  zhao.lei joins on %s: %s of the quarter, target %s of %s%n", hiredMidQuarter.start(),
                Proration.share(quarter, hiredMidQuarter),
                Proration.prorate(quarterlyTarget, quarter, hiredMidQuarter, settings.values().roundingPolicy()),
                quarterlyTarget);
        List<DateRange> teams = List.of(DateRange.of(quarter.start(), LocalDate.of(2026, 8, 10)),
                DateRange.of(LocalDate.of(2026, 8, 10), quarter.endExclusive()));
        List<Money> parts = Proration.split(quarterlyTarget, quarter, teams);
        out.printf("  sun.mei moves from team Shanghai to team Hangzhou on 2026-08-10: %s + %s = %s%n",
                parts.get(0), parts.get(1), parts.get(0).plus(parts.get(1)));

        heading("4. Exact allocation (largest remainder)");
        Money pool = Money.of("10000.00", CNY);
        List<BigDecimal> weights = List.of(new BigDecimal("3"), new BigDecimal("3"), new BigDecimal("1"));
        List<Money> shares = Allocation.largestRemainder(pool, weights);
        out.printf("  team bonus pool %s by weights 3:3:1 -> %s, %s, %s (sum %s)%n", pool, shares.get(0), shares.get(1),
                shares.get(2), shares.stream().reduce(Money.zero(CNY), Money::plus));

        heading("5. Dated currency conversion");
        Money usdDeal = Money.of("12500.00", USD);
        for (LocalDate closed : List.of(LocalDate.of(2026, 7, 20), LocalDate.of(2026, 8, 3), LocalDate.of(2026, 6, 30))) {
            out.printf("  %s closed on %s -> %s%n", usdDeal, closed,
                    Conversion.convert(usdDeal, CNY, closed, kernel.exchangeRates(), settings.values().roundingPolicy())
                            .fold(rejection -> "refused: " + rejection.code().code() + " " + rejection.evidence(),
                                    Money::toString));
        }
        Rejected badRates = JsonDocuments.exchangeRates("""
                {"rates": [{"from": "USD", "to": "CNY", "rate": 1e1000000000, "effectiveFrom": "2026-09-01"}]}""").getLeft();
        out.printf("  a rates file with rate 1e1000000000 -> refused: %s%n", describe(badRates.reasons().get(0)));

        heading("6. Audit trail (the outbox, in commit order)");
        kernel.outbox().relay(ACME, 100, Duration.ofMinutes(1), this::printEvent);
        FunnelTour.run(out, kernel, ACME);
        new TargetsTour(out, kernel, ACME).run(calendar, today);
        CustomersAndRiskTour.run(out, kernel);
        AccountsTour.run(out, kernel, ACME);
        CompensationTour.run(out, kernel);
        SettlementTour.run(out, kernel, calendar);
        new BudgetTour(out, kernel, ACME).run(calendar, today);
        KpiTour.run(out, kernel, today);
    }

    private void heading(String title) {
        out.println();
        out.println(title);
    }

    private void show(String what, io.vavr.control.Either<Rejected, ?> result) {
        out.printf("  %s%n", what);
        if (result.isLeft()) {
            for (Rejection reason : result.getLeft().reasons()) {
                out.printf("    refused: %s%n", describe(reason));
            }
        } else {
            var executed = (dev.saleskernel.application.Executed<?>) result.get();
            out.printf("    %s (version %d%s)%n", executed.replayed() ? "already done, nothing repeated" : "accepted",
                    executed.version(), executed.events().isEmpty() ? "" : ", " + executed.events().size() + " event");
        }
    }

    private static String describe(Rejection reason) {
        return reason.code().code() + (reason.field().isEmpty() ? "" : " [" + reason.field() + "]") + " " + reason.message()
                + (reason.evidence().isEmpty() ? "" : " " + reason.evidence());
    }

    private void printEvent(PublishedEvent event) {
        out.printf("  #%d %s by %s at %s (command %s)%n", event.sequence(), event.eventType(), event.actor(),
                event.occurredAt(), event.commandId());
    }
}
