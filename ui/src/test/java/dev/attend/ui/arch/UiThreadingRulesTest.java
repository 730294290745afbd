package dev.attend.ui.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** One threading abstraction: only the bridge hands work to the FX thread; view-models never touch nodes. */
class UiThreadingRulesTest {

    private static final JavaClasses UI = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.attend.ui");

    @Test
    void onlyTheBridgeCallsPlatformRunLater() {
        noClasses().that().resideOutsideOfPackage("dev.attend.ui.bridge..")
                .should().callMethod(javafx.application.Platform.class, "runLater", Runnable.class)
                .check(UI);
    }

    @Test
    void viewModelsDoNotDependOnNodes() {
        noClasses().that().haveSimpleNameEndingWith("ViewModel")
                .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..")
                .check(UI);
    }
}
