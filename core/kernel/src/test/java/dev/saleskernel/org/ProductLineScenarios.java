package dev.saleskernel.org;

import static dev.saleskernel.org.Orgs.AT;
import static dev.saleskernel.org.Orgs.HR;
import static dev.saleskernel.org.Orgs.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.saleskernel.org.OrgValues.ProductLine;
import dev.saleskernel.testing.Scenario;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class ProductLineScenarios {
    static final LocalDate JAN = LocalDate.of(2026, 1, 1);
    static final LocalDate JUL = LocalDate.of(2026, 7, 1);
    private final OrgStructure org = ok(Orgs.headOfficeAndTwoBranches().addProductLine("erp", "ERP suite", JAN, HR, AT));

    @Test
    void an_added_product_line_is_offered_from_its_introduction_and_not_before() {
        ProductLine erp = org.productLine("erp").orElseThrow();

        assertThat(erp.activeOn(JAN)).isTrue();
        assertThat(erp.activeOn(JAN.minusDays(1))).isFalse();
        assertThat(org.productLinesOn(JAN)).extracting(ProductLine::id).containsExactly("erp");
    }

    @Test
    void a_rename_takes_effect_on_its_date_and_the_old_name_stays_answerable_for_earlier_dates() {
        OrgStructure renamed = Scenario.given(org).when(o -> o.renameProductLine("erp", "ERP cloud", JUL, HR, AT))
                .thenEvents(OrgEvents.ProductLineRenamed.class).state();
        ProductLine erp = renamed.productLine("erp").orElseThrow();

        assertThat(erp.nameOn(JUL.minusDays(1))).isEqualTo("ERP suite");
        assertThat(erp.nameOn(JUL)).isEqualTo("ERP cloud");
        assertThat(erp.name()).isEqualTo("ERP cloud");
    }

    @Test
    void a_retired_product_line_is_not_offered_from_its_retirement_and_cannot_be_renamed() {
        OrgStructure retired = Scenario.given(org).when(o -> o.retireProductLine("erp", JUL, HR, AT))
                .thenEvents(OrgEvents.ProductLineRetired.class).state();

        assertThat(retired.productLinesOn(JUL.minusDays(1))).hasSize(1);
        assertThat(retired.productLinesOn(JUL)).isEmpty();
        assertThat(retired.productLines()).as("retired lines stay on record").hasSize(1);
        Scenario.given(retired).when(o -> o.renameProductLine("erp", "New", JUL.plusDays(5), HR, AT))
                .thenRejected(OrgRejection.RETIRED);
        Scenario.given(retired).when(o -> o.retireProductLine("erp", JUL.plusDays(5), HR, AT)).thenRejected(OrgRejection.RETIRED);
    }

    @Test
    void a_duplicate_id_and_a_blank_name_are_refused_together() {
        Scenario.given(org).when(o -> o.addProductLine("erp", "", JAN, HR, AT))
                .thenRejected(OrgRejection.DUPLICATE_ID, OrgRejection.NAME_INVALID);
    }

    @Test
    void a_rename_to_the_same_name_dated_before_the_current_name_of_an_unknown_line_is_refused_with_every_reason() {
        Scenario.given(org).when(o -> o.renameProductLine("erp", "ERP suite", JAN, HR, AT))
                .thenRejected(OrgRejection.NAME_INVALID, OrgRejection.BEFORE_HISTORY);
        Scenario.given(org).when(o -> o.renameProductLine("crm", "CRM", JUL, HR, AT)).thenRejected(OrgRejection.UNKNOWN_PRODUCT_LINE);
    }

    @Test
    void a_retirement_on_or_before_the_introduction_is_refused() {
        Scenario.given(org).when(o -> o.retireProductLine("erp", JAN, HR, AT)).thenRejected(OrgRejection.BEFORE_HISTORY);
    }
}
