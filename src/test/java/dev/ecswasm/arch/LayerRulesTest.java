package dev.ecswasm.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The house's layer rules, checked against the compiled main classes: each package reaches only
 * downward ({@code ecs <- world <- abi <- host <- workbench <- demo}), the core knows nothing of Wasm
 * or of presentation. A broken rule fails with the offending class, the dependency and its line.
 */
class LayerRulesTest {
    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.ecswasm");
    }

    @Test
    void eachLayerReachesOnlyDownward() {
        ArchRule layers = layeredArchitecture()
                .consideringOnlyDependenciesInLayers()
                .layer("ecs").definedBy("dev.ecswasm.ecs..")
                .layer("world").definedBy("dev.ecswasm.world..")
                .layer("abi").definedBy("dev.ecswasm.abi..")
                .layer("host").definedBy("dev.ecswasm.host..")
                .layer("workbench").definedBy("dev.ecswasm.workbench..")
                .layer("demo").definedBy("dev.ecswasm.demo..")
                .whereLayer("demo").mayNotBeAccessedByAnyLayer()
                .whereLayer("workbench").mayOnlyBeAccessedByLayers("demo")
                .whereLayer("host").mayOnlyBeAccessedByLayers("workbench", "demo")
                .whereLayer("abi").mayOnlyBeAccessedByLayers("host", "workbench", "demo")
                .whereLayer("world").mayOnlyBeAccessedByLayers("abi", "host", "workbench", "demo")
                .whereLayer("ecs").mayOnlyBeAccessedByLayers("world", "abi", "host", "workbench", "demo")
                .because("a student reads the house bottom-up: each layer builds only on the ones below it");
        layers.check(main);
    }

    @Test
    void theWorldKnowsNoWasm() {
        noClasses().that().resideInAnyPackage("dev.ecswasm.ecs..", "dev.ecswasm.world..")
                .should().dependOnClassesThat().resideInAnyPackage("com.dylibso..")
                .because("the ECS and the manager work the same with or without a plugin")
                .check(main);
    }

    @Test
    void theAbiKnowsNoChicory() {
        noClasses().that().resideInAPackage("dev.ecswasm.abi..")
                .should().dependOnClassesThat().resideInAPackage("com.dylibso.chicory..")
                .because("the C-style ABI is plain ints over a GuestMemory; only the host adapts it to Chicory")
                .check(main);
    }

    @Test
    void onlyTheWorkbenchAndTheDemosDrawTables() {
        noClasses().that().resideOutsideOfPackages("dev.ecswasm.workbench..", "dev.ecswasm.demo..")
                .should().dependOnClassesThat().resideInAPackage("tech.tablesaw..")
                .because("presentation belongs to the layer that talks to people, not to the core")
                .check(main);
    }

    @Test
    void theGraderStandsApart() {
        noClasses().that().resideOutsideOfPackage("dev.ecswasm.grader..")
                .should().dependOnClassesThat().resideInAPackage("dev.ecswasm.grader..")
                .because("the grader is a tool beside the house: it compiles and runs the exercises' tests")
                .check(main);
        noClasses().that().resideInAPackage("dev.ecswasm.grader..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.ecswasm.ecs..", "dev.ecswasm.world..",
                        "dev.ecswasm.abi..", "dev.ecswasm.host..", "dev.ecswasm.workbench..", "dev.ecswasm.demo..")
                .because("it grades any exercise without knowing what the exercise is about")
                .check(main);
    }

    @Test
    void onlyTheGraderUsesJUnit() {
        noClasses().that().resideOutsideOfPackage("dev.ecswasm.grader..")
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
                .because("JUnit is left out of the notebooks' shaded jar")
                .check(main);
    }

    @Test
    void noPackagesDependOnEachOtherInACycle() {
        slices().matching("dev.ecswasm.(*)..").should().beFreeOfCycles().check(main);
    }
}
