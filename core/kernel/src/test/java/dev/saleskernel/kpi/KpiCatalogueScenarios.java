package dev.saleskernel.kpi;

import static dev.saleskernel.kpi.KpiFixtures.FEB;
import static dev.saleskernel.kpi.KpiFixtures.JAN;
import static dev.saleskernel.kpi.KpiFixtures.MAR;
import static dev.saleskernel.kpi.KpiFixtures.Q1;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** Every KPI of the catalogue on the hand-computed data of {@link KpiFixtures}. */
class KpiCatalogueScenarios {
    private final KpiCube cube = KpiFixtures.monthlyByOrg(KpiFixtures.facts());

    private String value(Kpi kpi, String unit, dev.saleskernel.period.Period period) {
        return cube.value(kpi, Cell.of(unit, period)).toString();
    }

    private KpiValue raw(Kpi kpi, String unit, dev.saleskernel.period.Period period) {
        return cube.value(kpi, Cell.of(unit, period));
    }

    @Test
    void sales_amount_and_order_count_sum_the_orders_with_cancellations_negative() {
        assertThat(value(Kpis.SALES_AMOUNT, "sh-1", JAN)).isEqualTo("1500.00");
        assertThat(value(Kpis.SALES_AMOUNT, "hq", JAN)).isEqualTo("2000.00");
        assertThat(value(Kpis.ORDER_COUNT, "hq", JAN)).isEqualTo("4");
        assertThat(value(Kpis.SALES_AMOUNT, "hz", FEB)).isEqualTo("200.00");
        assertThat(value(Kpis.ORDER_COUNT, "hz", FEB)).isEqualTo("0");
    }

    @Test
    void average_order_value_is_sales_over_orders_and_undefined_when_cancellations_cancel_the_orders() {
        assertThat(value(Kpis.AVERAGE_ORDER_VALUE, "sh-1", JAN)).isEqualTo("750.00");
        assertThat(value(Kpis.AVERAGE_ORDER_VALUE, "hq", JAN)).isEqualTo("500.00");
        assertThat(raw(Kpis.AVERAGE_ORDER_VALUE, "hz", FEB))
                .isEqualTo(new KpiValue.Undefined(KpiValue.Reason.ZERO_DENOMINATOR, "orders"));
    }

    @Test
    void market_share_and_penetration_divide_by_the_market_given_as_input() {
        assertThat(value(Kpis.MARKET_SHARE, "sh-1", JAN)).isEqualTo("0.1500");
        assertThat(value(Kpis.MARKET_SHARE, "hz-1", JAN)).isEqualTo("0.0400");
        assertThat(value(Kpis.MARKET_SHARE, "hq", JAN)).isEqualTo("0.1333");
        assertThat(value(Kpis.PENETRATION, "sh-1", JAN)).isEqualTo("0.1000");
        assertThat(value(Kpis.PENETRATION, "hq", JAN)).isEqualTo("0.1333");
        assertThat(raw(Kpis.MARKET_SHARE, "sh-2", JAN))
                .isEqualTo(new KpiValue.Undefined(KpiValue.Reason.ZERO_DENOMINATOR, "market-sales"));
    }

    @Test
    void gross_margin_and_contribution_subtract_cost_of_goods_and_selling_cost() {
        assertThat(value(Kpis.GROSS_MARGIN, "sh-1", JAN)).isEqualTo("700.00");
        assertThat(value(Kpis.GROSS_MARGIN_RATE, "sh-1", JAN)).isEqualTo("0.4667");
        assertThat(value(Kpis.GROSS_MARGIN, "hq", JAN)).isEqualTo("950.00");
        assertThat(value(Kpis.GROSS_MARGIN_RATE, "hq", JAN)).isEqualTo("0.4750");
        assertThat(value(Kpis.CONTRIBUTION, "sh-1", JAN)).isEqualTo("600.00");
        assertThat(value(Kpis.CONTRIBUTION_RATE, "sh-1", JAN)).isEqualTo("0.4000");
        assertThat(value(Kpis.CONTRIBUTION, "hq", JAN)).isEqualTo("850.00");
        assertThat(value(Kpis.GROSS_MARGIN, "hz", FEB)).isEqualTo("250.00");
    }

    @Test
    void new_customers_count_first_orders_and_acquisition_cost_divides_the_spend_input_by_them() {
        assertThat(value(Kpis.NEW_CUSTOMER_COUNT, "sh-1", JAN)).isEqualTo("2");
        assertThat(value(Kpis.NEW_CUSTOMER_COUNT, "hq", JAN)).isEqualTo("4");
        assertThat(value(Kpis.NEW_CUSTOMER_COUNT, "sh-1", FEB)).isEqualTo("0");
        assertThat(value(Kpis.CUSTOMER_ACQUISITION_COST, "sh-1", JAN)).isEqualTo("150.00");
        assertThat(value(Kpis.CUSTOMER_ACQUISITION_COST, "hq", JAN)).isEqualTo("100.00");
        assertThat(raw(Kpis.CUSTOMER_ACQUISITION_COST, "sh-1", FEB))
                .isEqualTo(new KpiValue.Undefined(KpiValue.Reason.ZERO_DENOMINATOR, "new-customers"));
    }

    @Test
    void an_existing_customer_is_not_counted_new() {
        KpiFacts facts = KpiFixtures.ok(KpiFixtures.ordersOnly().existingCustomers(java.util.Set.of("c1")).build());
        assertThat(KpiFixtures.monthlyByOrg(facts).value(Kpis.NEW_CUSTOMER_COUNT, Cell.of("sh-1", JAN)).toString()).isEqualTo("1");
    }

    @Test
    void retention_and_churn_follow_the_cohort_of_buyers_into_the_next_month() {
        assertThat(value(Kpis.RETENTION_RATE, "sh-1", JAN)).isEqualTo("0.5000");
        assertThat(value(Kpis.CHURN_RATE, "sh-1", JAN)).isEqualTo("0.5000");
        assertThat(value(Kpis.RETENTION_RATE, "sh", JAN)).isEqualTo("0.3333");
        assertThat(value(Kpis.CHURN_RATE, "sh", JAN)).isEqualTo("0.6667");
        assertThat(value(Kpis.RETENTION_RATE, "hq", JAN)).isEqualTo("0.2500");
        assertThat(value(Kpis.CHURN_RATE, "hq", JAN)).isEqualTo("0.7500");
        assertThat(value(Kpis.RETENTION_RATE, "hz-1", JAN)).as("a cancellation is not a repeat purchase").isEqualTo("0.0000");
    }

    @Test
    void the_cohort_of_a_month_whose_next_month_is_not_over_is_undefined_not_zero() {
        assertThat(raw(Kpis.RETENTION_RATE, "sh-1", MAR))
                .isEqualTo(new KpiValue.Undefined(KpiValue.Reason.ZERO_DENOMINATOR, "cohort-customers"));
        assertThat(raw(Kpis.CHURN_RATE, "sh-1", MAR)).isInstanceOf(KpiValue.Undefined.class);
    }

    @Test
    void lifetime_value_is_monthly_margin_per_buyer_over_the_churn_rate() {
        assertThat(value(Kpis.CUSTOMER_LIFETIME_VALUE, "sh-1", JAN)).isEqualTo("700.00");
        assertThat(value(Kpis.CUSTOMER_LIFETIME_VALUE, "hq", JAN)).isEqualTo("316.67");
    }

    @Test
    void lifetime_value_without_churn_is_undefined_for_that_reason() {
        KpiFacts facts = KpiFixtures.ok(KpiFacts.builder(KpiFixtures.CNY, 2)
                .addOrder(KpiFixtures.jan(3), "sh-1", "east", "DIRECT", "cloud", "c1", 100_00, 50_00, 1)
                .addOrder(LocalDateHolder.FEB_3, "sh-1", "east", "DIRECT", "cloud", "c1", 100_00, 50_00, 1)
                .observedThrough(LocalDateHolder.FEB_28).build());
        assertThat(KpiFixtures.monthlyByOrg(facts).value(Kpis.CUSTOMER_LIFETIME_VALUE, Cell.of("sh-1", JAN)))
                .isEqualTo(new KpiValue.Undefined(KpiValue.Reason.NO_CHURN, "churned"));
    }

    @Test
    void satisfaction_is_the_mean_score_of_the_responses_and_undefined_without_responses() {
        assertThat(value(Kpis.SATISFACTION_SCORE, "sh-1", JAN)).isEqualTo("88.33");
        assertThat(value(Kpis.SATISFACTION_SCORE, "hq", JAN)).isEqualTo("88.33");
        assertThat(raw(Kpis.SATISFACTION_SCORE, "hz-1", JAN))
                .isEqualTo(new KpiValue.Undefined(KpiValue.Reason.ZERO_DENOMINATOR, "satisfaction-responses"));
    }

    @Test
    void sales_cycle_stage_conversion_and_visits_to_close_come_from_the_funnel_cohort() {
        assertThat(value(Kpis.SALES_CYCLE_DAYS, "sh-1", JAN)).isEqualTo("20.00");
        assertThat(value(Kpis.VISITS_TO_CLOSE, "sh-1", JAN)).isEqualTo("3.00");
        assertThat(value(Kpis.stageConversion(0), "sh-1", JAN)).as("every deal passed stage 0").isEqualTo("1.0000");
        assertThat(value(Kpis.stageConversion(1), "sh-1", JAN)).as("o3 was lost from stage 1").isEqualTo("0.7500");
        assertThat(value(Kpis.stageConversion(2), "hq", JAN)).isEqualTo("0.6667");
        assertThat(value(Kpis.stageConversion(5), "hq", JAN)).as("negotiation to won").isEqualTo("1.0000");
        assertThat(raw(Kpis.SALES_CYCLE_DAYS, "hz-1", JAN))
                .isEqualTo(new KpiValue.Undefined(KpiValue.Reason.ZERO_DENOMINATOR, "deals-won"));
        assertThat(raw(Kpis.stageConversion(0), "sh-1", FEB))
                .isEqualTo(new KpiValue.Undefined(KpiValue.Reason.ZERO_DENOMINATOR, "reached.0"));
    }

    @Test
    void output_per_rep_counts_a_rep_hired_mid_month_for_the_days_present() {
        assertThat(value(Kpis.OUTPUT_PER_REP, "sh-1", JAN)).as("1,500.00 × 31 ÷ (31 + 15)").isEqualTo("1010.87");
        assertThat(value(Kpis.OUTPUT_PER_REP, "hq", JAN)).as("2,000.00 × 31 ÷ 139").isEqualTo("446.04");
    }

    @Test
    void a_quarter_sums_its_months_before_dividing_so_partial_headcount_is_prorated_over_the_quarter() {
        assertThat(value(Kpis.SALES_AMOUNT, "sh-1", Q1)).isEqualTo("3000.00");
        assertThat(value(Kpis.AVERAGE_ORDER_VALUE, "sh-1", Q1)).isEqualTo("750.00");
        assertThat(value(Kpis.OUTPUT_PER_REP, "sh-1", Q1)).as("3,000.00 × 90 ÷ (90 + 74)").isEqualTo("1646.34");
        assertThat(value(Kpis.RETENTION_RATE, "sh-1", Q1)).as("1 retained of a cohort of 2 + 1 + 0").isEqualTo("0.3333");
    }

    @Test
    void a_defined_value_keeps_its_exact_numerator_and_denominator() {
        KpiValue.Defined rate = (KpiValue.Defined) raw(Kpis.GROSS_MARGIN_RATE, "sh-1", JAN);
        assertThat(rate.numerator()).isEqualByComparingTo(new BigDecimal("70000"));
        assertThat(rate.denominator()).isEqualByComparingTo(new BigDecimal("150000"));
    }

    @Test
    void the_catalogue_lists_every_kpi_once_with_a_stage_conversion_per_open_stage() {
        assertThat(Kpis.all(6)).hasSize(18 + 6);
        assertThat(Kpis.all(6).stream().map(Kpi::code).distinct()).hasSize(24);
    }

    private static final class LocalDateHolder {
        static final java.time.LocalDate FEB_3 = java.time.LocalDate.of(2026, 2, 3);
        static final java.time.LocalDate FEB_28 = java.time.LocalDate.of(2026, 2, 28);
    }
}
