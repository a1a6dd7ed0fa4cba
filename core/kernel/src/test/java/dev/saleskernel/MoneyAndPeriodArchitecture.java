package dev.saleskernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The money and period packages are pure model: java.base minus I/O, threads and clocks, plus Vavr. */
class MoneyAndPeriodArchitecture {
    private static final JavaClasses MODEL = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.saleskernel.money", "dev.saleskernel.period");

    @Test
    void money_and_period_depend_only_on_the_pure_jdk_vavr_and_the_shared_kernel() {
        classes().that().resideInAnyPackage("dev.saleskernel.money..", "dev.saleskernel.period..")
                .should().onlyDependOnClassesThat().resideInAnyPackage(
                        "java.lang", "java.lang.invoke", "java.lang.runtime", "java.lang.annotation",
                        "java.math", "java.time..", "java.util", "java.util.function", "java.util.stream",
                        "io.vavr..", "org.immutables..",
                        "dev.saleskernel.shared..", "dev.saleskernel.money..", "dev.saleskernel.period..")
                .check(MODEL);
    }

    @Test
    void money_does_not_depend_on_period() {
        noClasses().that().resideInAPackage("dev.saleskernel.money..")
                .should().dependOnClassesThat().resideInAPackage("dev.saleskernel.period..")
                .check(MODEL);
    }

    @Test
    void the_model_never_reads_a_clock() {
        noClasses().should().callMethodWhere(DescribedPredicate.describe("a method named now",
                        call -> call.getTarget().getName().equals("now")))
                .check(MODEL);
    }
}
