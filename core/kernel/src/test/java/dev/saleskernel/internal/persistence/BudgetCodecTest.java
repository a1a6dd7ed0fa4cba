package dev.saleskernel.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.budget.Budget;
import dev.saleskernel.budget.BudgetUnit;
import dev.saleskernel.budget.ControlPolicy;
import dev.saleskernel.budget.CostCategory;
import dev.saleskernel.budget.Figures;
import dev.saleskernel.budget.Preparation;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.target.PlanStatus;
import dev.saleskernel.target.Strategy;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BudgetCodecTest {
    private final SafeJson json = SafeJson.withDefaultLimits();
    private final BudgetCodec codec = new BudgetCodec(json);

    /** A budget with every kind of state: a policy edit, four kinds of fact, an approved, a rejected and a pending revision. */
    static Budget sampleBudget() {
        ActorId alice = ActorId.of("alice");
        ActorId bob = ActorId.of("bob");
        Instant at = Instant.parse("2026-01-05T09:00:00.123456Z");
        Preparation p = new Preparation(1_000_000_00L, List.of(CostCategory.SALES_EXPENSES, CostCategory.of("展会")),
                new Strategy.Weights(Map.of("sales-expenses", new BigDecimal("70"), "展会", new BigDecimal("30"))),
                List.of(BudgetUnit.root("company", "Company"), BudgetUnit.child("east", "company", "East 华东"),
                        BudgetUnit.child("west", "company", "West")),
                Map.of(), PeriodKind.HALF, new Strategy.Equal(), ControlPolicy.STRICT);
        Budget b = Budget.prepare(TenantId.of("acme"), "b-2026", "FY2026 sales budget", Currency.getInstance("CNY"),
                FiscalCalendar.CALENDAR_YEAR.year(2026), p, alice, at).get().state();
        b = b.setPolicy("展会/west/FY2026-H1", ControlPolicy.of(ControlPolicy.Action.WARN, ControlPolicy.Action.IGNORE),
                "fair season", alice, at).get().state();
        b = b.propose("ready", alice, at).get().state();
        b = b.approve(bob, at).get().state();
        LocalDate date = LocalDate.parse("2026-03-01");
        b = b.commit("po-1", CostCategory.SALES_EXPENSES, "east", date, 100_000_00L, "booth", alice, at).get().state();
        b = b.release("rel-1", "po-1", date, 20_000_00L, "smaller booth", alice, at).get().state();
        b = b.convert("inv-1", "po-1", date, 50_000_00L, "invoice", alice, at).get().state();
        b = b.spend("inv-2", CostCategory.of("展会"), "west", date, 80_000_00L, "fair", alice, at).get().state();
        b = b.proposeTransfer("t-1", "sales-expenses/west/FY2026-H2", "sales-expenses/east/FY2026-H1", 10_000_00L,
                "east fair", alice, at).get().state();
        b = b.approveRevision("t-1", bob, at).get().state();
        b = b.proposeAdjustment("a-1", "展会/east/FY2026-H2", -5_000_00L, "saving", alice, at).get().state();
        b = b.rejectRevision("a-1", "keep it", bob, at).get().state();
        return b.proposeAdjustment("a-2", "展会/east/FY2026-H2", 5_000_00L, "more", alice, at).get().state();
    }

    @Test
    void the_version_1_golden_document_loads_with_its_figures_recomputed_from_the_facts_and_re_saves_to_the_same_json()
            throws IOException {
        String stored = TenantSettingsCodecTest.golden("budget/v1.json");

        Budget budget = codec.decode(1, stored);

        assertThat(budget.status()).isEqualTo(PlanStatus.APPROVED);
        assertThat(budget.version()).isEqualTo(2);
        assertThat(budget.total()).isEqualTo(1_000_000_00L);
        assertThat(budget.figures("sales-expenses/east/FY2026-H1")).isEqualTo(new Figures(185_000_00L, 30_000_00L, 50_000_00L));
        assertThat(budget.figures("展会/west/FY2026-H1").remaining()).isEqualTo(75_000_00L - 80_000_00L);
        assertThat(budget.openCommitment("po-1")).contains(30_000_00L);
        assertThat(budget.revisions()).extracting(r -> r.id() + ":" + r.status())
                .containsExactly("t-1:APPROVED", "a-1:REJECTED", "a-2:PENDING");
        JsonNode expected = json.parse("golden", stored).get();
        assertThat(json.parse("resaved", codec.encode(budget)).get()).isEqualTo(expected);
    }

    @Test
    void the_sample_budget_encodes_to_the_golden_document() throws IOException {
        assertThat(json.parse("encoded", codec.encode(sampleBudget())).get())
                .isEqualTo(json.parse("golden", TenantSettingsCodecTest.golden("budget/v1.json")).get());
    }

    @Test
    void a_stored_fact_without_a_line_is_refused_as_corrupt() throws IOException {
        String broken = TenantSettingsCodecTest.golden("budget/v1.json").replace("\"unitId\": \"west\",\n      \"date\"",
                "\"unitId\": \"north\",\n      \"date\"");

        assertThat(broken).isNotEqualTo(TenantSettingsCodecTest.golden("budget/v1.json"));
        assertThatThrownBy(() -> codec.decode(1, broken)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("has no line");
    }

    @Test
    void every_budget_event_has_a_registered_type() {
        EventCodec events = BudgetCodec.registerEvents(new EventCodec(json));
        Budget budget = sampleBudget();

        assertThat(events.eventTypeOf(budget.approveRevision("a-2", ActorId.of("bob"), Instant.EPOCH).get().events().get(0)))
                .isEqualTo("budget.revision-approved");
    }
}
