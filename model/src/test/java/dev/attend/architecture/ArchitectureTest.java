package dev.attend.architecture;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.GeneralCodingRules;
import dev.attend.concurrent.AttendThreads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The model module is the headless core: no JavaFX, no console output (SLF4J only), threads from the factory. */
class ArchitectureTest {

    private static JavaClasses model;

    @BeforeAll
    static void importModel() {
        model = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
                .importPackages("dev.attend");
    }

    @Test
    void modelNeverDependsOnJavaFx() {
        noClasses().that().resideInAPackage("dev.attend..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "com.sun.javafx..")
                .because("model is the headless core; JavaFX lives in the ui module")
                .check(model);
    }

    @Test
    void modelNeverWritesToTheConsole() {
        GeneralCodingRules.NO_CLASSES_SHOULD_ACCESS_STANDARD_STREAMS
                .because("only the CLI prints; the model logs through SLF4J")
                .check(model);
    }

    @Test
    void onlyTheThreadFactoryCreatesThreads() {
        noClasses().that().doNotHaveFullyQualifiedName(AttendThreads.class.getName())
                .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
                .because("every thread is named attend-<owner>-<n> by AttendThreads, so the leak test sees it")
                .check(model);
    }

    @Test
    void theRulesSeeTheModelClasses() {
        // guards against an import that finds nothing and so could never fail
        org.assertj.core.api.Assertions.assertThat(model.contain("dev.attend.pipeline.Pipeline")).isTrue();
        org.assertj.core.api.Assertions.assertThat(model.contain("dev.attend.audio.Resampler")).isTrue();
    }
}
