package dev.saleskernel;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Set;

/**
 * The dependency rules of ARCHITECTURE.md. The model is every package of the core except
 * {@code application} (facade and use cases) and {@code internal} (persistence codecs), so a new
 * bounded context is covered the day it is added.
 */
class ArchitectureRulesTest {

    /** The core's own classes only (not the SPI or stores on the test class path). */
    static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPath(coreClassesLocation());

    static java.nio.file.Path coreClassesLocation() {
        try {
            return java.nio.file.Path.of(dev.saleskernel.application.SalesKernel.class.getProtectionDomain()
                    .getCodeSource().getLocation().toURI());
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static final DescribedPredicate<JavaClass> IN_THE_MODEL = new DescribedPredicate<>("in a model package") {
        @Override
        public boolean test(JavaClass javaClass) {
            String name = javaClass.getPackageName();
            return name.startsWith("dev.saleskernel.")
                    && !name.startsWith("dev.saleskernel.application")
                    && !name.startsWith("dev.saleskernel.internal")
                    && !name.startsWith("dev.saleskernel.persistence")
                    && !name.startsWith("dev.saleskernel.store");
        }
    };

    static final Set<String> CLOCK_READS = Set.of("now", "systemUTC", "systemDefaultZone", "currentTimeMillis", "nanoTime");

    static final ArchRule the_model_does_no_io_no_logging_no_json_and_no_storage = noClasses()
            .that(IN_THE_MODEL)
            .should().dependOnClassesThat().resideInAnyPackage(
                    "com.fasterxml..", "org.slf4j..", "dev.saleskernel.persistence..", "dev.saleskernel.internal..",
                    "dev.saleskernel.application..", "java.io..", "java.nio.file..", "java.sql..", "java.net..",
                    "java.util.concurrent..", "java.util.logging..")
            .orShould().dependOnClassesThat().belongToAnyOf(Thread.class, Runnable.class, ThreadLocal.class);

    static final ArchRule the_model_never_reads_a_clock = noClasses()
            .that(IN_THE_MODEL)
            .should().callMethodWhere(new DescribedPredicate<JavaAccess<?>>("reads the current time") {
                @Override
                public boolean test(JavaAccess<?> access) {
                    return CLOCK_READS.contains(access.getName());
                }
            });

    static final ArchRule the_model_has_no_double_or_float_fields = fields()
            .that().areDeclaredInClassesThat(IN_THE_MODEL)
            .should().notHaveRawType(double.class).andShould().notHaveRawType(float.class)
            .andShould().notHaveRawType(Double.class).andShould().notHaveRawType(Float.class);

    static final ArchRule the_model_has_no_double_or_float_in_signatures = methods()
            .that().areDeclaredInClassesThat(IN_THE_MODEL)
            .should(new ArchCondition<>("take or return no double or float") {
                @Override
                public void check(com.tngtech.archunit.core.domain.JavaMethod method, ConditionEvents events) {
                    boolean floating = isFloating(method.getRawReturnType())
                            || method.getRawParameterTypes().stream().anyMatch(ArchitectureRulesTest::isFloating);
                    if (floating) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " uses double or float"));
                    }
                }
            });

    static final ArchRule only_the_internals_touch_jackson = noClasses()
            .that().resideOutsideOfPackage("dev.saleskernel.internal..")
            .should().dependOnClassesThat().resideInAPackage("com.fasterxml..");

    static final ArchRule only_the_facade_and_internals_log = noClasses()
            .that().resideOutsideOfPackages("dev.saleskernel.internal..", "dev.saleskernel.application..")
            .should().dependOnClassesThat().resideInAPackage("org.slf4j..");

    static final ArchRule only_the_facade_and_internals_see_the_storage_spi = noClasses()
            .that().resideOutsideOfPackages("dev.saleskernel.internal..", "dev.saleskernel.application..",
                    "dev.saleskernel.persistence..")
            .should().dependOnClassesThat().resideInAPackage("dev.saleskernel.persistence..");

    static final ArchRule json_default_typing_is_never_enabled = noClasses()
            .should().callMethodWhere(new DescribedPredicate<JavaAccess<?>>("enables default typing") {
                @Override
                public boolean test(JavaAccess<?> access) {
                    return access.getName().startsWith("activateDefaultTyping") || access.getName().startsWith("enableDefaultTyping");
                }
            });

    static final ArchRule no_cycles_between_packages = slices().matching("dev.saleskernel.(**)").should().beFreeOfCycles();

    static final ArchRule the_api_never_exposes_internal_types = methods()
            .that().areDeclaredInClassesThat().resideOutsideOfPackage("dev.saleskernel.internal..")
            .and().areDeclaredInClassesThat().arePublic()
            .and().arePublic()
            .should(new ArchCondition<>("mention no internal type in their signature") {
                @Override
                public void check(com.tngtech.archunit.core.domain.JavaMethod method, ConditionEvents events) {
                    if (exposesInternal(method)) {
                        events.add(SimpleConditionEvent.violated(method, method.getFullName() + " exposes an internal type"));
                    }
                }
            });

    static final ArchRule public_constructors_never_take_internal_types = com.tngtech.archunit.lang.syntax.ArchRuleDefinition
            .constructors()
            .that().areDeclaredInClassesThat().resideOutsideOfPackage("dev.saleskernel.internal..")
            .and().areDeclaredInClassesThat().arePublic()
            .and().arePublic()
            .should(new ArchCondition<>("take no internal type") {
                @Override
                public void check(com.tngtech.archunit.core.domain.JavaConstructor constructor, ConditionEvents events) {
                    if (exposesInternal(constructor)) {
                        events.add(SimpleConditionEvent.violated(constructor, constructor.getFullName() + " exposes an internal type"));
                    }
                }
            });

    @Test
    void the_model_does_no_io_no_logging_no_json_and_no_storage() {
        the_model_does_no_io_no_logging_no_json_and_no_storage.check(CORE);
    }

    @Test
    void the_model_never_reads_a_clock() {
        the_model_never_reads_a_clock.check(CORE);
    }

    @Test
    void the_model_has_no_double_or_float_fields() {
        the_model_has_no_double_or_float_fields.check(CORE);
    }

    @Test
    void the_model_has_no_double_or_float_in_signatures() {
        the_model_has_no_double_or_float_in_signatures.check(CORE);
    }

    @Test
    void only_the_internals_touch_jackson() {
        only_the_internals_touch_jackson.check(CORE);
    }

    @Test
    void only_the_facade_and_internals_log() {
        only_the_facade_and_internals_log.check(CORE);
    }

    @Test
    void only_the_facade_and_internals_see_the_storage_spi() {
        only_the_facade_and_internals_see_the_storage_spi.check(CORE);
    }

    @Test
    void json_default_typing_is_never_enabled() {
        json_default_typing_is_never_enabled.check(CORE);
    }

    @Test
    void no_cycles_between_packages() {
        no_cycles_between_packages.check(CORE);
    }

    @Test
    void the_api_never_exposes_internal_types() {
        the_api_never_exposes_internal_types.check(CORE);
    }

    @Test
    void public_constructors_never_take_internal_types() {
        public_constructors_never_take_internal_types.check(CORE);
    }

    static boolean isFloating(JavaClass type) {
        return type.isEquivalentTo(double.class) || type.isEquivalentTo(float.class)
                || type.isEquivalentTo(Double.class) || type.isEquivalentTo(Float.class);
    }

    static boolean exposesInternal(JavaCodeUnit unit) {
        if (unit.getModifiers().contains(JavaModifier.SYNTHETIC)) {
            return false;
        }
        return isInternal(unit.getRawReturnType()) || unit.getRawParameterTypes().stream().anyMatch(ArchitectureRulesTest::isInternal);
    }

    static boolean isInternal(JavaClass type) {
        return type.getPackageName().startsWith("dev.saleskernel.internal");
    }
}
