package dev.attend.app;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import dev.attend.concurrent.AttendThreads;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Across every module's main code: threads come only from the one naming factory. */
class ThreadsArchitectureTest {

    private static JavaClasses all;

    @BeforeAll
    static void importAll() {
        // main classes of model, fusion, ui and app (their jars or class folders); never test code or test jars
        all = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar") && !location.contains("/test-classes/"))
                .importPackages("dev.attend");
    }

    @Test
    void onlyTheThreadFactoryCreatesThreads() {
        noClasses().that().doNotHaveFullyQualifiedName(AttendThreads.class.getName())
                .should().callConstructorWhere(target(owner(assignableTo(Thread.class))))
                .because("every thread is named attend-<owner>-<n> by AttendThreads, so the leak test sees it")
                .check(all);
    }

    @Test
    void theRuleSeesEveryModule() {
        assertThat(all.contain("dev.attend.pipeline.Pipeline")).isTrue();
        assertThat(all.contain("dev.attend.ui.bridge.FxUiTasks")).isTrue();
        assertThat(all.contain("dev.attend.app.Main")).isTrue();
        assertThat(all.contain("dev.attend.fusion.model.FusionNet")).isTrue();
    }
}
