package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {

    @TempDir
    Path dir;

    private Outcome run(String... args) {
        return AllianceSimTest.run(args);
    }

    @Test
    void writesTheWholeResultsFolder() throws Exception {
        Path out = dir.resolve("r");
        Outcome o = run("run", "default", "--reps", "4", "--set", "run.families=200", "--trajectories", "--out",
                out.toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        for (String f : List.of("summary.json", "families.csv", "sessions.csv", "report.html", "charts/retention.png",
                "charts/retention.svg", "charts/alliance-by-role.svg", "charts/dropout-timing.png",
                "charts/split-alliance.png", "charts/improvement-by-end-reason.svg", "charts/retention-by-referral.png")) {
            assertTrue(Files.size(out.resolve(f)) > 100, f);
        }
        try (Stream<Path> files = Files.walk(out)) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".partial")), "no temporary files left");
        }
        List<String> families = Files.readAllLines(out.resolve("families.csv"));
        assertEquals(1 + 4 * 200, families.size());
        String header = families.get(0);
        for (String col : List.of("replication", "family_id", "family_type", "size", "referral", "conflict", "prepared",
                "therapist_id", "therapist_experience", "sessions_attended", "end_reason", "end_session", "improvement",
                "reliable_improvement", "ruptures", "repairs", "alliance_first", "alliance_last", "split_max")) {
            assertTrue(List.of(header.split(",")).contains(col), col);
        }
        String sessionsHeader = Files.readAllLines(out.resolve("sessions.csv")).get(0);
        for (String col : List.of("replication", "family_id", "session", "member_id", "role", "engagement", "connection",
                "safety", "shared_purpose", "alliance", "challenge", "discomfort", "rupture", "repaired")) {
            assertTrue(List.of(sessionsHeader.split(",")).contains(col), col);
        }
        // The chart's data names a role as sessions.csv does (other_adult), not by its legend label.
        java.util.Set<String> sessionRoles = column(out.resolve("sessions.csv"), "role");
        java.util.Set<String> chartRoles = column(out.resolve("charts/alliance-by-role.csv"), "role");
        assertTrue(chartRoles.contains("other_adult"), chartRoles.toString());
        assertEquals(sessionRoles, chartRoles);
        JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
        JsonNode dropout = summary.at("/metrics/dropout_share");
        assertEquals(4, dropout.get("n").asInt());
        assertTrue(dropout.get("ci95_low").asDouble() <= dropout.get("mean").asDouble());
        assertTrue(dropout.get("mean").asDouble() <= dropout.get("ci95_high").asDouble());
        assertEquals(200, summary.at("/provenance/scenario/run/families").asInt());
        assertFalse(summary.at("/provenance/started").asText().isEmpty());
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("<svg") && html.contains("Provenance") && html.contains("dropout share"));
        // Self-contained: nothing fetched from elsewhere. References within the page (url(#clip),
        // href="#id") are fine; the SVG namespace URI is a name, not a fetch.
        java.util.regex.Matcher external = Pattern.compile("<script\\b|<link\\b|<img\\b|<iframe\\b|@import"
                + "|\\b(?:src|href)\\s*=\\s*['\"]?(?!#)|url\\(\\s*['\"]?(?!#)", Pattern.CASE_INSENSITIVE).matcher(html);
        assertFalse(external.find(), () -> "an external resource in report.html: "
                + html.substring(external.start(), Math.min(html.length(), external.start() + 80)));
        assertTrue(o.out().contains("dropout share") && o.out().contains("alliance, session 3"), o.out());
    }

    /** The distinct values of a CSV column (no quoted commas in the columns read here). */
    private static java.util.Set<String> column(Path csv, String name) throws java.io.IOException {
        List<String> lines = Files.readAllLines(csv);
        int i = List.of(lines.get(0).split(",")).indexOf(name);
        assertTrue(i >= 0, name + " in " + csv);
        java.util.Set<String> values = new java.util.TreeSet<>();
        for (String line : lines.subList(1, lines.size())) {
            values.add(line.split(",", -1)[i]);
        }
        return values;
    }

    @Test
    void resultsAreByteIdenticalForAnyThreadCount() throws Exception {
        Path one = dir.resolve("one");
        Path two = dir.resolve("two");
        String[] common = {"run", "involuntary-referral", "--reps", "6", "--set", "run.families=150", "--trajectories",
            "--quiet"};
        assertEquals(0, run(concat(common, "--threads", "1", "--out", one.toString())).code());
        assertEquals(0, run(concat(common, "--threads", "3", "--out", two.toString())).code());
        for (String f : List.of("families.csv", "sessions.csv")) {
            assertArrayEquals(Files.readAllBytes(one.resolve(f)), Files.readAllBytes(two.resolve(f)), f);
        }
        assertEquals(withoutTimestamps(one.resolve("summary.json")), withoutTimestamps(two.resolve("summary.json")));
    }

    private static String withoutTimestamps(Path summary) throws Exception {
        ObjectNode n = (ObjectNode) new ObjectMapper().readTree(summary.toFile());
        ((ObjectNode) n.get("provenance")).remove(List.of("started", "finished"));
        return n.toString();
    }

    @Test
    void refusesANonEmptyFolderUnlessForced() throws Exception {
        Path out = dir.resolve("full");
        Files.createDirectories(out);
        Files.writeString(out.resolve("notes.txt"), "mine");
        Outcome o = run("run", "default", "--reps", "2", "--set", "run.families=50", "--out", out.toString(), "--quiet");
        assertEquals(2, o.code());
        assertTrue(o.err().contains("exists and is not empty") && o.err().contains("--force"), o.err());
        assertEquals(List.of("notes.txt"), List.of(out.toFile().list()));
        Outcome forced = run("run", "default", "--reps", "2", "--set", "run.families=50", "--out", out.toString(),
                "--force", "--quiet");
        assertEquals(0, forced.code(), forced.err());
        assertTrue(Files.exists(out.resolve("summary.json")));
        assertTrue(Files.exists(out.resolve("notes.txt")), "other files are left alone");
    }

    @Test
    void badInputWritesNothing() {
        Path out = dir.resolve("never");
        Outcome o = run("run", "default", "--set", "run.families=-3", "--out", out.toString());
        assertEquals(2, o.code());
        assertTrue(o.err().contains("run.families: must be in [1, 1000000], was -3"), o.err());
        assertFalse(Files.exists(out), "no output folder");
        assertEquals(2, run("run", "default", "--reps", "auto", "--out", out.toString()).code());
        assertEquals(2, run("run", "default", "--reps", "0", "--out", out.toString()).code());
        assertEquals(2, run("run", "no-such-scenario", "--out", out.toString()).code());
        assertFalse(Files.exists(out), "no output folder");
    }

    /** Each command that writes a results folder, with small inputs and the --out value given last. */
    private static List<List<String>> writers() {
        return List.of(
                List.of("run", "default", "--reps", "2", "--set", "run.families=20", "--quiet"),
                List.of("compare", "default", "involuntary-referral", "--reps", "2", "--set", "run.families=20", "--quiet"),
                List.of("story", "default", "--family", "1"),
                List.of("validate", "--reps", "2", "--set", "run.families=20"),
                List.of("calibrate", "literature", "--max-evaluations", "1", "--check-reps", "2", "--quiet"));
    }

    private Outcome withOut(List<String> command, String out, String... more) {
        List<String> args = new java.util.ArrayList<>(command);
        args.add("--out");
        args.add(out);
        args.addAll(List.of(more));
        return run(args.toArray(String[]::new));
    }

    @Test
    void outputPathsThatCannotTakeResultsAreBadInputNamingThePath() throws Exception {
        Path file = Files.writeString(dir.resolve("FILE"), "mine");
        for (List<String> command : writers()) {
            String name = command.get(0);
            Outcome empty = withOut(command, "", "--force");
            assertBadInput(empty, "alliancesim " + name + ": --out is empty; give a folder");
            Outcome inFile = withOut(command, file.resolve("sub").toString());
            assertBadInput(inFile, "alliancesim " + name + ": --out " + file.resolve("sub") + ": " + file
                    + " is a file, not a folder");
            if (Files.isDirectory(Path.of("/proc/self"))) {
                Outcome proc = withOut(command, "/proc/x");
                assertBadInput(proc, "alliancesim " + name + ": --out /proc/x: cannot write results there (");
            }
            assertEquals("mine", Files.readString(file));
            try (Stream<Path> files = Files.list(dir)) {
                assertEquals(List.of(file), files.toList(), name + " wrote nothing");
            }
        }
    }

    private static void assertBadInput(Outcome o, String messageStart) {
        assertEquals(2, o.code(), o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        assertTrue(o.err().startsWith(messageStart), "expected '" + messageStart + "...', was: " + o.err());
        assertFalse(o.err().contains("internal error") || o.err().contains("Exception"), o.err());
    }

    @Test
    void forceDoesNotOverwriteWhatALinkInTheFolderPointsTo() throws Exception {
        Path out = Files.createDirectories(dir.resolve("planted"));
        Path victim = Files.writeString(dir.resolve("victim.txt"), "precious");
        for (String name : List.of(".families.csv.partial", ".summary.json.partial", "report.html")) {
            Files.createSymbolicLink(out.resolve(name), victim);
        }
        Outcome o = run("run", "default", "--reps", "2", "--set", "run.families=20", "--out", out.toString(), "--force",
                "--quiet");
        assertEquals(0, o.code(), o.err());
        assertEquals("precious", Files.readString(victim));
        assertTrue(Files.readString(out.resolve("report.html")).startsWith("<!DOCTYPE html>"));
        assertTrue(Files.readString(out.resolve("families.csv")).startsWith("replication,"));
    }

    @Test
    void oneReplicationHasNoIntervalAndSaysSo() throws Exception {
        Path out = dir.resolve("one");
        Outcome o = run("run", "default", "--reps", "1", "--set", "run.families=100", "--out", out.toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        assertFalse(o.out().contains("NaN"), o.out());
        assertTrue(o.out().lines().anyMatch(l -> l.matches("dropout share\\s+\\d\\.\\d{3}  n/a")), o.out());
        assertTrue(o.out().contains("n/a: an interval needs 2 or more replications"), o.out());
        JsonNode d = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).at("/metrics/dropout_share");
        assertEquals(1, d.get("n").asInt());
        assertTrue(d.get("mean").isNumber() && d.get("ci95_low").isNull() && d.get("ci95_high").isNull()
                && d.get("sd").isNull(), d.toString());
        // A metric nobody reaches (session 3 before a 3-day horizon) is n/a too, not NaN.
        Outcome shortRun = run("run", "default", "--reps", "2", "--set", "run.families=50", "--set",
                "run.horizon_days=3", "--out", dir.resolve("short").toString(), "--quiet");
        assertEquals(0, shortRun.code(), shortRun.err());
        assertFalse(shortRun.out().contains("NaN"), shortRun.out());
        assertTrue(shortRun.out().lines().anyMatch(l -> l.matches("alliance, session 3\\s+n/a  n/a")), shortRun.out());
    }

    /** The stopping rule itself is RunUseCaseTest's; here: the flags reach it and the output says so. */
    @Test
    void autoReplicationsAreChosenAndSaidSo() throws Exception {
        Path out = dir.resolve("auto");
        Outcome o = run("run", "default", "--reps", "auto", "--ci-width", "0.08", "--set", "run.families=200",
                "--out", out.toString(), "--quiet");
        assertEquals(0, o.code(), o.err());
        assertTrue(o.out().lines().findFirst().orElseThrow().endsWith("(replications chosen by --reps auto)"), o.out());
        JsonNode d = new ObjectMapper().readTree(out.resolve("summary.json").toFile()).at("/metrics/dropout_share");
        assertTrue(d.get("ci95_high").asDouble() - d.get("ci95_low").asDouble() < 0.08, d.toString());
        Outcome bad = run("run", "default", "--reps", "auto", "--ci-width", "1.5", "--out", dir.resolve("x").toString());
        assertEquals(2, bad.code());
        assertTrue(bad.err().contains("--ci-width must be in (0, 1)") && !bad.err().contains("ciWidth"), bad.err());
        assertEquals(2, run("run", "default", "--ci-width", "0.1", "--out", dir.resolve("x").toString()).code());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    static String[] concat(String[] a, String... b) {
        String[] out = new String[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
