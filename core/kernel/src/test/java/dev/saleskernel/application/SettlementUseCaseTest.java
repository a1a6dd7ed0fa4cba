package dev.saleskernel.application;

import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.compensation.Explanation;
import dev.saleskernel.compensation.PeriodEarnings;
import dev.saleskernel.compensation.settlement.LedgerEntries.Cancellation;
import dev.saleskernel.compensation.settlement.PayeeLedger;
import dev.saleskernel.compensation.settlement.SettlementTerms;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import dev.saleskernel.shared.SharedRejection;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.store.memory.InMemoryStore;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Settlement through the facade on the real in-memory store: authorisation, idempotency, audit trail, tenants. */
class SettlementUseCaseTest {
    static final Instant NOW = Instant.parse("2026-02-03T08:00:00Z");
    static final Period FY2026 = FiscalCalendar.CALENDAR_YEAR.year(2026);
    static final Period M01 = FiscalCalendar.CALENDAR_YEAR.month(2026, 1);
    static final Period M02 = FiscalCalendar.CALENDAR_YEAR.month(2026, 2);
    static final Currency CNY = Currency.getInstance("CNY");
    static final String LEDGER = PayeeLedger.recordId("rep-li", "plan-2026", FY2026);

    final InMemoryStore store = new InMemoryStore(Clock.fixed(NOW, ZoneOffset.UTC));
    final SalesKernel kernel = SalesKernel.builder().recordStore(store).outboxStore(store)
            .authorization(request -> request.action().equals(SettlementService.APPROVE_FINALISATION)
                    && !request.actor().value().startsWith("ben") ? AccessDecision.denied("only finance approves")
                    : AccessDecision.granted())
            .clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();

    static PeriodEarnings january(long amount) {
        return new PeriodEarnings("rep-li", M01, CNY, "plan-2026", 1,
                List.of(new PeriodEarnings.ComponentEarning("commission", "flat", amount, true,
                        new Explanation("flat-rate", "credited × 10%", List.of()))),
                List.of(new PeriodEarnings.DealPayout("D1", "commission", amount, Optional.of(new BigDecimal("0.100000")),
                        LocalDate.of(2026, 1, 15))));
    }

    void openAndSettle() {
        kernel.settlement().open(CommandContext.of("acme", "ana.ops", "open-1"), "rep-li", "plan-2026", FY2026, CNY,
                SettlementTerms.payAsEarned(), 0, "plan year starts").get();
        kernel.settlement().settle(CommandContext.of("acme", "ana.ops", "settle-1"), LEDGER, january(1_000_00), M01, "January run").get();
    }

    @Test
    void a_settled_and_finalised_statement_is_stored_and_every_step_is_in_the_audit_trail_with_actor_time_and_reason() {
        openAndSettle();
        kernel.settlement().proposeFinalisation(CommandContext.of("acme", "ana.ops", "fin-1"), LEDGER, M01, "checked").get();
        kernel.settlement().approveFinalisation(CommandContext.of("acme", "ben.finance", "fin-2"), LEDGER, M01).get();

        assertThat(kernel.settlement().find(TenantId.of("acme"), LEDGER).get().statement(M01).get().totalMinor()).isEqualTo(1_000_00);
        List<PublishedEvent> events = new ArrayList<>();
        kernel.outbox().relay(TenantId.of("acme"), 100, Duration.ofMinutes(1), events::add);
        assertThat(events).extracting(PublishedEvent::eventType).containsExactly("payee-ledger.opened",
                "payee-ledger.earnings-settled", "payee-ledger.finalisation-proposed", "payee-ledger.statement-finalised");
        assertThat(events).extracting(e -> e.actor().value()).containsExactly("ana.ops", "ana.ops", "ana.ops", "ben.finance");
        assertThat(events.get(1).payloadJson()).contains("\"reason\":\"January run\"").contains("\"amountMinor\":100000");
        assertThat(events.get(3).occurredAt()).isEqualTo(NOW);
    }

    @Test
    void the_authorisation_port_and_segregation_of_duties_both_guard_finalisation() {
        openAndSettle();
        kernel.settlement().proposeFinalisation(CommandContext.of("acme", "ben.finance", "fin-1"), LEDGER, M01, "checked").get();

        assertThat(kernel.settlement().approveFinalisation(CommandContext.of("acme", "ana.ops", "fin-2"), LEDGER, M01)
                .getLeft().codes()).containsExactly(SharedRejection.NOT_AUTHORISED.code());
        assertThat(kernel.settlement().approveFinalisation(CommandContext.of("acme", "ben.finance", "fin-3"), LEDGER, M01)
                .getLeft().codes()).containsExactly(SharedRejection.PROPOSER_CANNOT_APPROVE.code());
    }

    @Test
    void a_replayed_clawback_command_does_nothing_the_second_time() {
        openAndSettle();
        var context = CommandContext.of("acme", "ana.ops", "claw-1");
        Cancellation cancellation = Cancellation.of("cancel-1", "D1", LocalDate.of(2026, 2, 1));

        var first = kernel.settlement().clawBack(context, LEDGER, cancellation, M02, "order cancelled").get();
        var second = kernel.settlement().clawBack(context, LEDGER, cancellation, M02, "order cancelled").get();

        assertThat(first.state().dealNetMinor("D1")).isZero();
        assertThat(second.replayed()).isTrue();
        assertThat(second.version()).isEqualTo(first.version());
    }

    @Test
    void another_tenant_neither_sees_nor_changes_the_ledger() {
        openAndSettle();

        assertThat(kernel.settlement().find(TenantId.of("globex"), LEDGER)).isEmpty();
        assertThat(kernel.settlement().settle(CommandContext.of("globex", "ana.ops", "s-9"), LEDGER, january(5), M01, "x")
                .getLeft().codes()).containsExactly(SharedRejection.NOT_FOUND.code());
    }

    @Test
    void a_statement_exports_to_json_with_its_lines_explanations_and_totals() {
        openAndSettle();
        PayeeLedger ledger = kernel.settlement().find(TenantId.of("acme"), LEDGER).get();

        String json = kernel.settlement().exportStatement(ledger, M01).get();

        assertThat(json).contains("\"period\" : \"FY2026-M01\"", "\"amount\" : \"1000.00\"", "\"rule\" : \"settlement/earnings\"",
                "\"totalsByComponent\" : {", "\"total\" : \"1000.00\"");
        assertThat(kernel.settlement().exportStatement(ledger, M02).getLeft().codes())
                .containsExactly("settlement/STATEMENT_NOT_FOUND");
    }
}
