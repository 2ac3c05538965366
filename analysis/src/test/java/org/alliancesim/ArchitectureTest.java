package org.alliancesim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layering of docs/architecture.md as executable rules, over the production classes of all
 * three modules (sim-engine, scenarios and analysis are on this module's class path). Each rule
 * states one "never" of the design; breaking it fails the build, naming the offending dependency.
 */
class ArchitectureTest {

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.alliancesim");
    }

    @Test
    void theKernelKnowsNothingElseOfAllianceSim() {
        check(noClasses().that().resideInAPackage("org.alliancesim.engine..")
                .should().dependOnClassesThat().resideInAnyPackage("org.alliancesim.model..",
                        "org.alliancesim.scenario..", "org.alliancesim.analysis..", "org.alliancesim.cli.."));
    }

    @Test
    void theModelKnowsNoScenarioFilesAnalysisOrCommandLine() {
        check(noClasses().that().resideInAPackage("org.alliancesim.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.alliancesim.scenario..",
                        "org.alliancesim.analysis..", "org.alliancesim.cli.."));
    }

    @Test
    void measurementKnowsNoScenarioFilesAnalysisOrCommandLine() {
        check(noClasses().that().resideInAPackage("org.alliancesim.measurement..")
                .should().dependOnClassesThat().resideInAnyPackage("org.alliancesim.scenario..",
                        "org.alliancesim.analysis..", "org.alliancesim.cli.."));
        check(noClasses().that().resideInAnyPackage("org.alliancesim.engine..", "org.alliancesim.model..")
                .should().dependOnClassesThat().resideInAPackage("org.alliancesim.measurement.."));
    }

    @Test
    void theSimulationModuleIsHeadless() {
        check(noClasses().that().resideInAnyPackage("org.alliancesim.engine..", "org.alliancesim.model..",
                        "org.alliancesim.measurement..")
                .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml..", "org.jfree..", "picocli..",
                        "io.javalin..", "java.awt..", "javax.swing..", "java.nio.file.."));
    }

    @Test
    void scenariosKnowNoAnalysis() {
        check(noClasses().that().resideInAPackage("org.alliancesim.scenario..")
                .should().dependOnClassesThat().resideInAnyPackage("org.alliancesim.analysis..", "org.alliancesim.cli.."));
    }

    @Test
    void onlyTheCommandLineUsesPicocli() {
        check(noClasses().that().resideOutsideOfPackage("org.alliancesim.cli..")
                .should().dependOnClassesThat().resideInAPackage("picocli.."));
    }

    @Test
    void onlyTheClassroomUsesJavalin() {
        check(noClasses().that().resideOutsideOfPackage("org.alliancesim.analysis.classroom..")
                .should().dependOnClassesThat().resideInAnyPackage("io.javalin..", "org.eclipse.jetty.."));
    }

    @Test
    void statisticsDrawNoChartsWriteNoReportsAndKnowNoAdapters() {
        check(noClasses().that().resideInAPackage("org.alliancesim.analysis.stats..")
                .should().dependOnClassesThat().resideInAnyPackage("org.alliancesim.analysis.charts..",
                        "org.alliancesim.analysis.report..", "org.alliancesim.cli..",
                        "org.alliancesim.analysis.classroom..", "org.jfree.."));
    }

    @Test
    void nothingButTheAdaptersDependsOnTheAdapters() {
        check(noClasses().that().resideOutsideOfPackages("org.alliancesim.cli..")
                .should().dependOnClassesThat().resideInAPackage("org.alliancesim.cli.."));
        check(noClasses().that().resideOutsideOfPackages("org.alliancesim.cli..", "org.alliancesim.analysis.classroom..")
                .should().dependOnClassesThat().resideInAPackage("org.alliancesim.analysis.classroom.."));
    }

    /**
     * The classroom is an adapter (issue 23): it runs, compares and tells stories through the use
     * cases, never by calling the experiment, drawing charts or reaching into a story's making; of
     * the story package it may use only the records a story is told in.
     */
    @Test
    void theClassroomGoesThroughTheUseCases() {
        check(noClasses().that().resideInAPackage("org.alliancesim.analysis.classroom..")
                .should().dependOnClassesThat().resideInAnyPackage("org.alliancesim.analysis.experiment..",
                        "org.alliancesim.analysis.charts..")
                .orShould().dependOnClassesThat(DescribedPredicate.describe("are in the story package but not its records",
                        (JavaClass c) -> c.getPackageName().startsWith("org.alliancesim.analysis.story")
                                && !c.isAssignableTo(Record.class))));
    }

    @Test
    void noPackageCycles() {
        check(slices().matching("org.alliancesim.(**)").should().beFreeOfCycles());
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
