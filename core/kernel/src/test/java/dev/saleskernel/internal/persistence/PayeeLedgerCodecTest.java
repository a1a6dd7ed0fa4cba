package dev.saleskernel.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.compensation.Explanation;
import dev.saleskernel.compensation.PeriodEarnings;
import dev.saleskernel.compensation.settlement.LedgerEntries.Cancellation;
import dev.saleskernel.compensation.settlement.LineKind;
import dev.saleskernel.compensation.settlement.PayeeLedger;
import dev.saleskernel.compensation.settlement.SettlementTerms;
import dev.saleskernel.compensation.settlement.StatementStatus;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.Change;
import dev.saleskernel.shared.Rejected;
import io.vavr.control.Either;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayeeLedgerCodecTest {
    static final ActorId ANA = ActorId.of("ana.ops");
    static final ActorId BEN = ActorId.of("ben.finance");
    static final Instant AT = Instant.parse("2026-02-02T09:00:00.123456Z");
    static final Period M01 = FiscalCalendar.CALENDAR_YEAR.month(2026, 1);
    static final Period M02 = FiscalCalendar.CALENDAR_YEAR.month(2026, 2);

    private final SafeJson json = SafeJson.withDefaultLimits();
    private final PayeeLedgerCodec codec = new PayeeLedgerCodec(json);

    static <A> A state(Either<Rejected, Change<A>> result) {
        return result.getOrElseThrow(r -> new AssertionError(r.toString())).state();
    }

    /** A ledger using every part of the document: terms, a finalised and an open statement, holds, a clawback, a pending adjustment, a dispute. */
    static PayeeLedger richLedger() {
        SettlementTerms terms = SettlementTerms.payAsEarned()
                .withAdvances(new SettlementTerms.Advances(new BigDecimal("0.80")))
                .withDraw(new SettlementTerms.Draw(SettlementTerms.DrawKind.RECOVERABLE, new BigDecimal("1500.00"),
                        SettlementTerms.YearEndPolicy.FORGIVE))
                .withHold(new SettlementTerms.Hold(new BigDecimal("0.25"), SettlementTerms.HoldCondition.PAYMENT_RECEIVED));
        PayeeLedger ledger = state(PayeeLedger.open("rep-li", "plan-2026", FiscalCalendar.CALENDAR_YEAR.year(2026),
                Currency.getInstance("CNY"), terms, 0, "plan year starts", ANA, AT));
        PeriodEarnings january = new PeriodEarnings("rep-li", M01, Currency.getInstance("CNY"), "plan-2026", 3,
                List.of(new PeriodEarnings.ComponentEarning("commission", "tiered", 1_000_00, true,
                        new Explanation("tiered-commission/marginal", "10000.00 × 10%", List.of(new Explanation.Input("credited", "10000.00"))))),
                List.of(new PeriodEarnings.DealPayout("D1", "commission", 1_000_00, Optional.of(new BigDecimal("0.100000")),
                        LocalDate.of(2026, 1, 10))));
        ledger = state(ledger.settle(january, M01, "monthly run", ANA, AT));
        ledger = state(ledger.proposeFinalisation(M01, "checked", ANA, AT));
        ledger = state(ledger.approveFinalisation(M01, BEN, AT));
        ledger = state(ledger.clawBack(new Cancellation("cancel-9", "D1", LocalDate.of(2026, 2, 1), new BigDecimal("0.5")),
                M02, "half refunded", ANA, AT));
        ledger = state(ledger.proposeAdjustment(M02, "manual", 50_00, "missed split", ANA, AT));
        ledger = state(ledger.raiseDispute(M01, 1, "rate looks low", ANA, AT));
        return ledger;
    }

    @Test
    void the_version_1_golden_document_loads_into_the_ledger_it_describes() throws IOException {
        PayeeLedger ledger = codec.decode(1, TenantSettingsCodecTest.golden("payee-ledger/v1.json"));

        assertThat(ledger).isEqualTo(richLedger());
        assertThat(ledger.statement(M01).get().status()).isEqualTo(StatementStatus.FINALISED);
        assertThat(ledger.statement(M01).get().lines()).extracting(l -> l.kind())
                .containsExactly(LineKind.ADVANCE, LineKind.HOLD, LineKind.DRAW_TOP_UP);
        assertThat(ledger.drawBalanceMinor()).isEqualTo(-900_00);
    }

    @Test
    void the_golden_document_re_saves_to_the_same_json_at_the_current_version() throws IOException {
        String stored = TenantSettingsCodecTest.golden("payee-ledger/v1.json");

        String resaved = codec.encode(codec.decode(1, stored));

        JsonNode expected = json.parse("golden", stored).get();
        assertThat(json.parse("resaved", resaved).get()).isEqualTo(expected);
    }

    @Test
    void a_document_of_a_newer_schema_version_is_refused() throws IOException {
        String stored = TenantSettingsCodecTest.golden("payee-ledger/v1.json");

        assertThatThrownBy(() -> codec.decode(2, stored)).isInstanceOf(UnsupportedSchemaVersionException.class);
    }

    @Test
    void the_exported_statement_matches_its_golden_json() throws IOException {
        PayeeLedger ledger = richLedger();

        String exported = PayeeLedgerCodec.export(json, ledger, ledger.statement(M01).get());

        assertThat(json.parse("exported", exported).get())
                .isEqualTo(json.parse("golden", TenantSettingsCodecTest.golden("statement-export/v1.json")).get());
    }
}
