package org.alliancesim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    /**
     * "Randomness is passed explicitly" (docs/architecture.md, Data flow): no draw from an unkeyed
     * generator, so results do not depend on threads, scheduling or sharding.
     */
    @Test
    void everyDrawComesFromAKeyedStream() {
        check(noClasses().should().callMethod(Math.class, "random")
                .orShould().callMethod(StrictMath.class, "random")
                .orShould().callConstructor(java.util.Random.class)
                .orShould().callConstructor(java.util.Random.class, long.class)
                .orShould().dependOnClassesThat().belongToAnyOf(java.util.concurrent.ThreadLocalRandom.class,
                        java.util.SplittableRandom.class));
    }

    /** Each package's "not on ..." of its package-info.java, as written there. */
    @Test
    void eachPackageKeepsTheNeversOfItsPackageInfo() {
        String adapters = "org.alliancesim.cli..";
        String classroom = "org.alliancesim.analysis.classroom..";
        String charts = "org.alliancesim.analysis.charts..";
        String report = "org.alliancesim.analysis.report..";
        String sweep = "org.alliancesim.analysis.sweep..";
        String usecase = "org.alliancesim.analysis.usecase..";
        // calibration, compete, experiment, inference, validation: not on charts, reports or adapters.
        for (String p : new String[] {"calibration", "compete", "experiment", "inference", "validation"}) {
            check(noClasses().that().resideInAPackage("org.alliancesim.analysis." + p + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(charts, report, adapters, classroom));
        }
        // charts: not on reports, sweeps or adapters.
        check(noClasses().that().resideInAPackage(charts)
                .should().dependOnClassesThat().resideInAnyPackage(report, sweep, adapters, classroom));
        // report: not on sweeps, use cases or the adapters.
        check(noClasses().that().resideInAPackage(report)
                .should().dependOnClassesThat().resideInAnyPackage(sweep, usecase, adapters, classroom));
        // sweep: not on charts, nor on the use cases or the adapters.
        check(noClasses().that().resideInAPackage(sweep)
                .should().dependOnClassesThat().resideInAnyPackage(charts, usecase, adapters, classroom));
        // story, verify: not on the adapters.
        check(noClasses().that().resideInAnyPackage("org.alliancesim.analysis.story..",
                        "org.alliancesim.analysis.verify..")
                .should().dependOnClassesThat().resideInAnyPackage(adapters, classroom));
        // io: the JDK only.
        check(noClasses().that().resideInAPackage("org.alliancesim.analysis.io..")
                .should().dependOnClassesThat().resideOutsideOfPackages("java..", "org.alliancesim.analysis.io.."));
    }

    /**
     * The adapters (cli, classroom) reach analysis only through the use cases: they may use
     * {@code analysis.usecase} and the analysis types its public API hands out (request and result
     * components, parameters and return values, followed through those types' own public API), the
     * scenario and model types requests carry, their own framework and the JDK; nothing else of
     * analysis (docs/architecture.md, "The adapters' door"). Neither adapter has an exception.
     */
    @Test
    void adaptersReachAnalysisOnlyThroughTheUseCases() {
        Set<String> door = useCaseApi();
        DescribedPredicate<JavaClass> outsideTheDoor = DescribedPredicate.describe(
                "analysis types the use cases do not hand out",
                c -> c.getPackageName().startsWith("org.alliancesim.analysis.")
                        && !c.getPackageName().startsWith("org.alliancesim.analysis.usecase")
                        && !c.getPackageName().startsWith("org.alliancesim.analysis.classroom")
                        && !door.contains(c.getName()));
        check(noClasses().that().resideInAPackage("org.alliancesim.cli..")
                .should().dependOnClassesThat(outsideTheDoor)
                .because("the command line only turns flags into requests and results into output"));
        check(noClasses().that().resideInAPackage("org.alliancesim.analysis.classroom..")
                .should().dependOnClassesThat(outsideTheDoor)
                .because("the classroom only turns HTTP parameters into requests and results into JSON and SVG"));
    }

    /**
     * The analysis classes reachable from the use cases' public API: the public classes of
     * {@code analysis.usecase}, their public fields, methods and constructors' types (generic
     * arguments included) and declared exceptions, followed through each reached type's public API in turn.
     */
    static Set<String> useCaseApi() {
        Set<String> seen = new TreeSet<>();
        Deque<JavaClass> todo = new ArrayDeque<>();
        for (JavaClass c : classes) {
            if (c.getPackageName().equals("org.alliancesim.analysis.usecase") && c.getModifiers().contains(JavaModifier.PUBLIC)) {
                todo.add(c);
            }
        }
        while (!todo.isEmpty()) {
            JavaClass c = todo.poll();
            if (!seen.add(c.getName())) {
                continue;
            }
            Set<JavaClass> reached = new java.util.HashSet<>();
            for (JavaCodeUnit u : c.getCodeUnits()) {
                if (u.getModifiers().contains(JavaModifier.PUBLIC)) {
                    reached.addAll(u.getReturnType().getAllInvolvedRawTypes());
                    u.getParameters().forEach(p -> reached.addAll(p.getType().getAllInvolvedRawTypes()));
                    u.getThrowsClause().getTypes().forEach(reached::add);
                }
            }
            for (JavaField f : c.getFields()) {
                if (f.getModifiers().contains(JavaModifier.PUBLIC)) {
                    reached.addAll(f.getType().getAllInvolvedRawTypes());
                }
            }
            c.getInterfaces().forEach(i -> reached.addAll(i.getAllInvolvedRawTypes()));
            c.getEnclosingClass().ifPresent(reached::add);
            for (JavaClass r : reached) {
                JavaClass base = r.isArray() ? r.getBaseComponentType() : r;
                if (base.getPackageName().startsWith("org.alliancesim.analysis.")) {
                    todo.add(base);
                }
            }
        }
        return seen;
    }

    /**
     * docs/api.md's tables name every use case (a {@code *UseCase} class of the package), each in a row
     * of its own; usecase/package-info.java leaves the list to it, so that a new use case touches no
     * main file but its own.
     */
    @Test
    void theApiPageListsEveryUseCase() throws IOException {
        String info = Files.readString(Path.of("../docs/api.md"));
        Set<String> missing = new TreeSet<>();
        int useCases = 0;
        for (JavaClass c : classes) {
            if (c.getPackageName().equals("org.alliancesim.analysis.usecase") && c.getSimpleName().endsWith("UseCase")) {
                useCases++;
                if (!info.contains("\n| `" + c.getSimpleName() + "` |")) {
                    missing.add(c.getSimpleName());
                }
            }
        }
        assertTrue(useCases >= 14, "use cases found: " + useCases);
        assertEquals(Set.of(), missing, "use cases docs/api.md has no table row for");
    }

    /**
     * The mermaid diagram of docs/architecture.md is the package graph: every import between two
     * packages is an arrow, every arrow an import. A node is a package below org.alliancesim, with
     * {@code analysis.} left out ({@code analysis.report} is {@code report}) and {@code engine.example}
     * drawn as {@code engine}.
     */
    @Test
    void theDiagramDrawsExactlyThePackageImports() throws IOException {
        Set<String> drawn = DiagramEdges.parse(Files.readString(Path.of("../docs/architecture.md")));
        Set<String> imported = new TreeSet<>();
        for (JavaClass c : classes) {
            String from = node(c.getPackageName());
            if (from == null) {
                continue;
            }
            c.getDirectDependenciesFromSelf().forEach(d -> {
                JavaClass t = d.getTargetClass().isArray() ? d.getTargetClass().getBaseComponentType() : d.getTargetClass();
                String to = node(t.getPackageName());
                if (to != null && !to.equals(from)) {
                    imported.add(from + " --> " + to);
                }
            });
        }
        assertTrue(imported.size() > 30, "edges found: " + imported);
        Set<String> undrawn = new TreeSet<>(imported);
        undrawn.removeAll(drawn);
        Set<String> unreal = new TreeSet<>(drawn);
        unreal.removeAll(imported);
        assertEquals(Set.of(), undrawn, "imports the diagram does not draw");
        assertEquals(Set.of(), unreal, "arrows no import backs");
    }

    /** The diagram node of a package, or null outside alliancesim (benchmarks are not drawn). */
    static String node(String pkg) {
        if (!pkg.startsWith("org.alliancesim.") || pkg.startsWith("org.alliancesim.benchmarks")) {
            return null;
        }
        String rest = pkg.substring("org.alliancesim.".length());
        if (rest.startsWith("analysis.")) {
            rest = rest.substring("analysis.".length());
        }
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    /** The arrows of the first mermaid block of a Markdown text, as "from --> to" by node id. */
    static final class DiagramEdges {
        private static final Pattern BLOCK = Pattern.compile("```mermaid\\n(.*?)```", Pattern.DOTALL);
        private static final Pattern NODE = Pattern.compile("^\\s*(\\w+)(?:\\[[^\\]]*\\])?\\s*");
        private static final Pattern ARROW = Pattern.compile("^-->\\s*");

        static Set<String> parse(String markdown) {
            Matcher m = BLOCK.matcher(markdown);
            assertTrue(m.find(), "no mermaid block");
            Set<String> edges = new TreeSet<>();
            for (String line : m.group(1).split("\\n")) {
                String rest = line.strip();
                if (rest.isEmpty() || rest.startsWith("%%") || rest.startsWith("flowchart") || rest.startsWith("classDef")
                        || rest.startsWith("class ")) {
                    continue;
                }
                // a chain: A[label] --> B[label] --> C ...
                String previous = null;
                while (!rest.isEmpty()) {
                    Matcher n = NODE.matcher(rest);
                    assertTrue(n.find(), "cannot read the diagram at: " + rest);
                    String id = n.group(1);
                    if (previous != null) {
                        edges.add(previous + " --> " + id);
                    }
                    previous = id;
                    rest = rest.substring(n.end());
                    Matcher a = ARROW.matcher(rest);
                    if (!a.find()) {
                        assertTrue(rest.isEmpty(), "cannot read the diagram at: " + rest);
                        break;
                    }
                    rest = rest.substring(a.end());
                }
            }
            return edges;
        }
    }

    private static void check(ArchRule rule) {
        rule.check(classes);
    }
}
