package dev.saleskernel.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.saleskernel.compensation.CreditEvent;
import dev.saleskernel.compensation.PayMix;
import dev.saleskernel.compensation.PlanComponent;
import dev.saleskernel.compensation.PlanVersion;
import dev.saleskernel.period.DateRange;
import dev.saleskernel.period.FiscalCalendar;
import dev.saleskernel.period.Period;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlanPropertiesTest {
    static final Period Q1 = FiscalCalendar.CALENDAR_YEAR.quarter(2026, 1);

    @Test
    void a_host_checks_every_property_of_its_own_plan_json_in_a_few_lines() throws IOException {
        String json = Files.readString(Path.of("..", "..", "docs", "reference", "compensation-plans", "field-sales-2026.json"));
        PlanProperties.of(json, Q1).withExamples(1000).checkAll();
    }

    @Test
    void every_generated_plan_is_valid_and_passes_every_property() {
        qt().withExamples(15).forAll(CompensationGens.plans(false)).checkAssert(plan -> {
            assertThat(plan.validated().isRight()).isTrue();
            PlanProperties.of(plan, Q1).withExamples(20).checkAll();
        });
    }

    @Test
    void the_growth_property_catches_a_retroactive_decelerator() {
        // 10% below 50,000.00, then everything at 2% retroactively: crossing 50,000.00 lowers the payout
        PlanVersion decelerating = new PlanVersion("decelerating", 1, "x",
                DateRange.of(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)), Currency.getInstance("CNY"),
                CreditEvent.BOOKING, new PayMix(500_000, 500_000), List.of(new PlanComponent.Tiered("commission",
                PlanComponent.Basis.AMOUNT, List.of(new PlanComponent.Tier(0, 5_000_000, 100_000, PlanComponent.Mode.RETROACTIVE),
                new PlanComponent.Tier(5_000_000, Long.MAX_VALUE, 20_000, PlanComponent.Mode.RETROACTIVE)),
                PlanComponent.Limits.NONE)), Optional.empty());
        assertThat(decelerating.withoutDecelerators()).isFalse();
        assertThatThrownBy(() -> PlanProperties.of(decelerating, Q1).withExamples(1000).payoutNeverDecreasesWhenCreditGrows())
                .isInstanceOf(AssertionError.class).hasMessageContaining("payout never decreases when credit grows");
    }

    @Test
    void a_refused_plan_json_names_every_reason() {
        assertThatThrownBy(() -> PlanProperties.of("{\"id\": \"x\"}", Q1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("payMix");
    }

    @Test
    void generated_money_stays_within_its_bounds() {
        qt().withExamples(1000).forAll(CompensationGens.money(12_345)).checkAssert(amount -> assertThat(amount).isBetween(0L, 12_345L));
    }
}
