package dev.saleskernel.internal.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.saleskernel.internal.json.SafeJson;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.PeriodKind;
import dev.saleskernel.shared.ActorId;
import dev.saleskernel.shared.TenantId;
import dev.saleskernel.target.Dimension;
import dev.saleskernel.target.Metric;
import dev.saleskernel.target.PlanStatus;
import dev.saleskernel.target.SmartCheck;
import dev.saleskernel.target.Strategy;
import dev.saleskernel.target.Target;
import dev.saleskernel.target.TargetPlan;
import dev.saleskernel.target.TargetUnit;
import java.io.IOException;
import java.time.Instant;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TargetPlanCodecTest {
    private final SafeJson json = SafeJson.withDefaultLimits();
    private final TargetPlanCodec codec = new TargetPlanCodec(json);

    static TargetPlan samplePlan() {
        ActorId alice = ActorId.of("alice");
        Instant at = Instant.parse("2026-01-05T09:00:00.123456Z");
        Target root = new Target(Metric.REVENUE, TargetUnit.money(Currency.getInstance("CNY")), 100_000_00L,
                FiscalCalendar.CALENDAR_YEAR.year(2026), "company", Map.of());
        TargetPlan plan = TargetPlan.create(TenantId.of("acme"), "fy2026", "FY2026 revenue", root, "Company", Optional.empty(),
                Optional.empty(), SmartCheck.DEFAULT_MAX_GROWTH, alice, at).get().state();
        plan = plan.split("company", Dimension.REGION, List.of(new TargetPlan.Child("east", "East 华东"),
                new TargetPlan.Child("west", "West")), new Strategy.Equal(), alice, at).get().state();
        plan = plan.splitOverTime("company/east", PeriodKind.HALF, new Strategy.Equal(), alice, at).get().state();
        plan = plan.setAmount("company/west", 40_000_00L, "key account lost", alice, at).get().state();
        plan = plan.submitCommitment("company/east", 55_000_00L, ActorId.of("east.manager"), at).get().state();
        plan = plan.propose("ready", alice, at).get().state();
        plan = plan.approve(ActorId.of("bob"), at).get().state();
        return plan.openNewVersion("reforecast", alice, at).get().state();
    }

    @Test
    void the_version_1_golden_document_loads_and_re_saves_to_the_same_json() throws IOException {
        String stored = TenantSettingsCodecTest.golden("target-plan/v1.json");

        TargetPlan plan = codec.decode(1, stored);

        assertThat(plan.version()).isEqualTo(2);
        assertThat(plan.status()).isEqualTo(PlanStatus.DRAFT);
        assertThat(plan.node("company/west").orElseThrow().locked()).isTrue();
        assertThat(plan.node("company/east/FY2026-H2").orElseThrow().amount()).isEqualTo(30_000_00L);
        assertThat(plan.node("company/east").orElseThrow().commitment()).contains(55_000_00L);
        assertThat(plan.approvedVersions()).singleElement().satisfies(v -> assertThat(v.approvedBy().value()).isEqualTo("bob"));
        JsonNode expected = json.parse("golden", stored).get();
        assertThat(json.parse("resaved", codec.encode(plan)).get()).isEqualTo(expected);
    }

    @Test
    void the_sample_plan_encodes_to_the_golden_document() throws IOException {
        assertThat(json.parse("encoded", codec.encode(samplePlan())).get())
                .isEqualTo(json.parse("golden", TenantSettingsCodecTest.golden("target-plan/v1.json")).get());
    }

    @Test
    void a_stored_plan_whose_parent_does_not_equal_its_children_is_refused_as_corrupt() throws IOException {
        String broken = TenantSettingsCodecTest.golden("target-plan/v1.json").replace("\"amount\" : 3000000", "\"amount\" : 3000001");

        assertThat(broken).isNotEqualTo(TenantSettingsCodecTest.golden("target-plan/v1.json"));
        assertThatThrownBy(() -> codec.decode(1, broken)).isInstanceOf(CorruptRecordException.class)
                .hasMessageContaining("sum of its children");
    }
}
