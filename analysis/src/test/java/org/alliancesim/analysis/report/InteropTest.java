package org.alliancesim.analysis.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.alliancesim.analysis.ExternalProgram;
import org.alliancesim.analysis.usecase.CompareRequest;
import org.alliancesim.analysis.usecase.CompareUseCase;
import org.alliancesim.analysis.usecase.Output;
import org.alliancesim.analysis.usecase.RunRequest;
import org.alliancesim.analysis.usecase.RunUseCase;
import org.alliancesim.analysis.usecase.SweepRequest;
import org.alliancesim.analysis.usecase.SweepUseCase;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * R and pandas read the results folders as they are, with the column types docs/outputs.md
 * documents, plain and gzip-compressed; R's survfit equals retention.csv to 1e-9 (also tagged
 * {@code r}, the reference checks against R that issue 14 names); the worked
 * analyses of docs/analysis-in-r.md and docs/analysis-in-python.md run as written. Needs Rscript
 * with the survival package and Debian's /usr/bin/python3 with pandas (.ci/run installs them).
 */
@Tag("interop")
class InteropTest {

    private static final Path DOCS = Path.of("..", "docs");
    private static final String PYTHON = "/usr/bin/python3";

    @TempDir
    static Path dir;

    /** plain/{run,sweep,compare} and compressed/{run,sweep}: run with --trajectories, both referrals. */
    @BeforeAll
    static void results() throws Exception {
        Scenario s = ScenarioLoader.load("default").with("run.families", 300).with("families[0].referral", "involuntary");
        for (String kind : List.of("plain", "compressed")) {
            Path root = dir.resolve(kind);
            RunUseCase.execute(RunRequest.of(s).withReplications(3).withThreads(2).withOutput(Output.to(root.resolve("run")))
                    .withTrajectories(true).withCompress(kind.equals("compressed")));
            Path grid = dir.resolve("grid.yaml");
            Files.writeString(grid, "design: grid\nreplications: 2\nfamilies: 60\nmetrics: [dropout_share]\n"
                    + "parameters:\n  - {path: therapists.1.repair_skill, min: 0.1, max: 0.9, steps: 3}\n"
                    + "  - {path: families.0.conflict, values: [0.2, 0.8]}\n");
            SweepUseCase.execute(SweepRequest.of(grid, root.resolve("sweep")).withThreads(2));
        }
        CompareUseCase.execute(CompareRequest.of(s, s.with("therapists[0].repair_skill", 0.95)).withReplications(2)
                .withThreads(2).withOutput(Output.to(dir.resolve("plain/compare"))));
    }

    /** column -> type (integer, logical, text, number) from docs/outputs.md's column types table. */
    static Map<String, String> documentedTypes() throws IOException {
        Map<String, String> out = new LinkedHashMap<>();
        Pattern row = Pattern.compile("^\\| (integer|logical|text|number) \\| `[^`]+` \\| `[^`]+` \\| (.*) \\|$");
        for (String line : Files.readAllLines(DOCS.resolve("outputs.md"))) {
            Matcher m = row.matcher(line);
            if (m.find()) {
                Matcher c = Pattern.compile("`([a-z0-9_]+)`").matcher(m.group(2));
                while (c.find()) {
                    out.put(c.group(1), m.group(1));
                }
            }
        }
        assertTrue(out.containsKey("sessions_attended") && out.containsKey("prepared"), out.toString());
        return out;
    }

    /** R's colClasses for every column of {@code csv} (plain or .gz), by the documented types. */
    static String colClasses(Path csv) throws IOException {
        Map<String, String> types = documentedTypes();
        Map<String, String> r = Map.of("integer", "integer", "logical", "logical", "text", "character", "number",
                "numeric");
        return Stream.of(header(csv).split(",")).map(c -> c + " = \"" + r.get(types.getOrDefault(c, "number")) + "\"")
                .collect(Collectors.joining(", ", "c(", ")"));
    }

    static String header(Path csv) throws IOException {
        try (InputStream in = csv.toString().endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(csv))
                : Files.newInputStream(csv);
                BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return r.readLine();
        }
    }

    /** Runs a program in {@code cwd}; returns {exit code, output}. */
    static Object[] exec(Path cwd, String... command) throws Exception {
        ExternalProgram.Result r = ExternalProgram.run(cwd, command);
        return new Object[] {r.exitCode(), r.output()};
    }

    static Path existing(Path folder, String name) {
        Path plain = folder.resolve(name);
        return Files.exists(plain) ? plain : folder.resolve(name + ".gz");
    }

    /** The R check: families and sessions read with the documented types; survfit against retention.csv. */
    static Object[] rCheck(Path run, Path retention) throws Exception {
        Path families = existing(run, "families.csv");
        Path sessions = existing(run, "sessions.csv");
        String script = "library(survival)\n"
                + "fam <- read.csv('" + families + "', colClasses = " + colClasses(families) + ")\n"
                + "ses <- read.csv('" + sessions + "', colClasses = " + colClasses(sessions) + ")\n"
                + "stopifnot(nrow(fam) > 0, nrow(ses) > 0, is.logical(fam$prepared), is.integer(ses$member_id))\n"
                + "fit <- survfit(Surv(sessions_attended, end_reason == 'dropout') ~ 1,"
                + " data = subset(fam, sessions_attended >= 1))\n"
                + "s <- summary(fit, censored = TRUE)\n"
                + "km <- read.csv('" + retention + "')\n"
                + "stopifnot(length(s$time) == nrow(km), all(s$time == km$session), all(s$n.risk == km$at_risk),"
                + " all(s$n.event == km$events), all(s$n.censor == km$censored))\n"
                + "band <- function(x) pmin(1, pmax(0, x))\n"
                + "d <- max(abs(s$surv - km$survival), abs(s$std.err - km$se),"
                + " abs(band(s$surv - 1.96 * s$std.err) - km$lower), abs(band(s$surv + 1.96 * s$std.err) - km$upper))\n"
                + "cat(sprintf('largest difference %.3g\\n', d))\n"
                + "cat('R survival at sessions 1-4:', format(summary(fit, times = 1:4)$surv, digits = 10), '\\n')\n"
                + "stopifnot(d < 1e-9)\n";
        Path file = Files.createTempFile(dir, "check", ".R");
        Files.writeString(file, script);
        return exec(dir, "Rscript", file.toString());
    }

    @Test
    @Tag("r")
    void rReadsTheDocumentedTypesAndSurvfitEqualsRetentionPlainAndCompressed() throws Exception {
        for (String kind : List.of("plain", "compressed")) {
            Path run = dir.resolve(kind).resolve("run");
            Object[] r = rCheck(run, run.resolve("charts/retention.csv"));
            assertEquals(0, r[0], kind + ": " + r[1]);
        }
        assertTrue(Files.exists(dir.resolve("compressed/run/sessions.csv.gz")));
        assertTrue(Files.exists(dir.resolve("compressed/run/families.csv.gz")));
    }

    @Test
    void aWrongNumberInRetentionFailsRsCheck() throws Exception {
        Path run = dir.resolve("plain/run");
        List<String> lines = new ArrayList<>(Files.readAllLines(run.resolve("charts/retention.csv")));
        String[] f = lines.get(2).split(",", -1);
        f[4] = Double.toString(Double.parseDouble(f[4]) + 1e-7);
        lines.set(2, String.join(",", f));
        Path wrong = dir.resolve("wrong-retention.csv");
        Files.write(wrong, lines);
        Object[] r = rCheck(run, wrong);
        assertNotEquals(0, r[0], "R accepted a survival off by 1e-7: " + r[1]);
        assertTrue(((String) r[1]).contains("d < 1e-09 is not TRUE"), (String) r[1]);
    }

    @Test
    void pandasReadsEveryCsvWithTheDocumentedDtypesAndNoWarnings() throws Exception {
        List<String> files = new ArrayList<>();
        for (String folder : List.of("plain/run", "plain/compare", "plain/sweep", "compressed/run")) {
            try (Stream<Path> all = Files.walk(dir.resolve(folder))) {
                all.filter(p -> p.toString().matches(".*(\\.csv|\\.csv\\.gz|summary\\.json)$"))
                        .forEach(p -> files.add(p.toString()));
            }
        }
        Map<String, String> pandas = Map.of("integer", "int64", "logical", "bool", "text", "string", "number",
                "float64");
        String types = documentedTypes().entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": \"" + pandas.get(e.getValue()) + "\"")
                .collect(Collectors.joining(", ", "{", "}"));
        String script = "import json, sys, warnings\nwarnings.simplefilter('error')\nimport pandas as pd\n"
                + "types = " + types + "\n"
                + "for f in sys.argv[1:]:\n"
                + "    if f.endswith('summary.json'):\n"
                + "        flat = pd.json_normalize(json.load(open(f)))\n"
                + "        assert len(flat) == 1 and not any(isinstance(v, dict) for v in flat.iloc[0]), f\n"
                + "        continue\n"
                + "    names = pd.read_csv(f, nrows=0).columns\n"
                + "    dtype = {c: types.get(c, 'int64' if c.endswith('_n') else 'float64') for c in names}\n"
                + "    frame = pd.read_csv(f, dtype=dtype)\n"
                + "    assert len(frame) > 0, f\n"
                + "    assert [str(t) for t in frame.dtypes] == [dtype[c] for c in names], (f, frame.dtypes)\n"
                + "print(len(sys.argv) - 1, 'files read')\n";
        Path file = dir.resolve("read_all.py");
        Files.writeString(file, script);
        List<String> command = new ArrayList<>(List.of(PYTHON, "-W", "error", file.toString()));
        command.addAll(files);
        Object[] r = exec(dir, command.toArray(String[]::new));
        assertEquals(0, r[0], (String) r[1]);
        assertTrue(files.stream().anyMatch(f -> f.endsWith("sessions.csv.gz")), files.toString());
    }

    /** The fenced {@code lang} blocks of a doc page, in order, as one script. */
    static String blocks(String page, String lang) throws IOException {
        Matcher m = Pattern.compile("```" + lang + "\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(DOCS.resolve(page)));
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            sb.append(m.group(1)).append('\n');
        }
        assertTrue(sb.length() > 0, page + " has no " + lang + " blocks");
        return sb.toString();
    }

    @Test
    void theWorkedAnalysesRunAsWrittenOnPlainAndCompressedFolders() throws Exception {
        for (String kind : List.of("plain", "compressed")) {
            Path root = dir.resolve(kind);
            Path r = root.resolve("analysis.R");
            Files.writeString(r, blocks("analysis-in-r.md", "r"));
            Object[] ran = exec(root, "Rscript", r.toString());
            assertEquals(0, ran[0], kind + " R: " + ran[1]);
            Path py = root.resolve("analysis.py");
            Files.writeString(py, blocks("analysis-in-python.md", "python"));
            ran = exec(root, PYTHON, "-W", "error", py.toString());
            assertEquals(0, ran[0], kind + " Python: " + ran[1]);
        }
    }
}
