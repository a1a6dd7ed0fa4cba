package dev.saleskernel;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.saleskernel.archfixture.ImpureModel;
import org.junit.jupiter.api.Test;

/** Each model rule of {@link ArchitectureRulesTest} reports a class that breaks it: the rules are not vacuous. */
class ArchitectureRulesBiteTest {
    static final JavaClasses IMPURE = new ClassFileImporter().importClasses(ImpureModel.class);

    static boolean reports(ArchRule rule) {
        return rule.evaluate(IMPURE).hasViolation();
    }

    @Test
    void the_purity_rule_reports_logging_json_file_io_and_threads_in_the_model() {
        assertThat(reports(ArchitectureRulesTest.the_model_does_no_io_no_logging_no_json_and_no_storage)).isTrue();
        String report = ArchitectureRulesTest.the_model_does_no_io_no_logging_no_json_and_no_storage.evaluate(IMPURE)
                .getFailureReport().toString();
        assertThat(report).contains("org.slf4j").contains("com.fasterxml").contains("java.nio.file").contains("java.lang.Thread");
    }

    @Test
    void the_clock_rule_reports_a_call_to_now() {
        assertThat(reports(ArchitectureRulesTest.the_model_never_reads_a_clock)).isTrue();
    }

    @Test
    void the_floating_point_rules_report_double_fields_and_signatures() {
        assertThat(reports(ArchitectureRulesTest.the_model_has_no_double_or_float_fields)).isTrue();
        assertThat(reports(ArchitectureRulesTest.the_model_has_no_double_or_float_in_signatures)).isTrue();
    }

    @Test
    void the_jackson_rule_reports_json_outside_the_internals() {
        assertThat(reports(ArchitectureRulesTest.only_the_internals_touch_jackson)).isTrue();
    }
}
