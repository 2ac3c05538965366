package org.alliancesim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.alliancesim.cli.AllianceSimTest.Outcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code calibrate --data} and {@code validate --data} on the command line (docs/fitting-your-data.md):
 * every kind of bad data refused with one located line, exit code 2 and nothing written; and no
 * output file holding an identifier of the input, the input folder left as it was.
 */
class StudyDataCommandTest {

    private static final Path EXAMPLE = Path.of("..", "scenarios", "data", "example");
    private static final String FIT = Path.of("..", "scenarios", "data", "example-fit.yaml").toString();

    @TempDir
    Path dir;

    /** A valid study: 24 families, 6 therapists with 4 each, SOFTA-o at session 1, the outcome at baseline and end. */
    private static final String YAML = "softa_form: observer\nsofta_sessions: [1]\nearly_session: 1\n"
            + "outcome_min: 0\noutcome_max: 6\ndropout_definition: \"left without agreement\"\n";

    private static String families() {
        StringBuilder sb = new StringBuilder("family_id,therapist_id,referral,sessions_attended,end_reason\n");
        for (int i = 0; i < 24; i++) {
            sb.append(String.format("ZK9-F%03d,ZK9-T%02d,%s,%d,%s%n", i, i % 6, i % 4 == 0 ? "involuntary" : "voluntary",
                    i % 3 == 0 ? 1 + i % 2 : 6 + i % 5, i % 3 == 0 ? "dropout" : "goals_met"));
        }
        return sb.toString();
    }

    private static String measures() {
        StringBuilder sb = new StringBuilder("family_id,member_id,session,instrument,scale,score\n");
        for (int i = 0; i < 24; i++) {
            sb.append(String.format("ZK9-F%03d,0,1,softa_o,engagement,%d%n", i, i % 3 == 0 ? -1 + i % 2 : 1 + i % 3));
            sb.append(String.format("ZK9-F%03d,,,outcome,baseline,%.1f%n", i, 3 + (i % 5) / 5.0));
        }
        return sb.toString();
    }

    private Path study(String yaml, String families, String measures) throws IOException {
        Path d = Files.createTempDirectory(dir, "study");
        Files.writeString(d.resolve("study-data.yaml"), yaml);
        Files.writeString(d.resolve("families.csv"), families);
        if (measures != null) {
            Files.writeString(d.resolve("measures.csv"), measures);
        }
        return d;
    }

    private static String line(String text, int k, UnaryOperator<String> edit) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n")));
        lines.set(k - 1, edit.apply(lines.get(k - 1)));
        return String.join("\n", lines) + "\n";
    }

    private void refused(Path study, String expected) {
        Path out = dir.resolve("out");
        Outcome o = AllianceSimTest.run("calibrate", FIT, "--data", study.toString(), "--method", "abc-smc",
                "--out", out.toString(), "--quiet");
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().startsWith(study + "/" + expected), "expected " + expected + ", got " + o.err());
        assertEquals(1, o.err().strip().lines().count(), "one line: " + o.err());
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void badDataIsOneLocatedLineExit2AndNothingWritten() throws Exception {
        String f = families();
        String m = measures();
        // a missing required column
        refused(study(YAML, f.replace(",referral", "").replaceAll("(?m)^(ZK9-F\\d+,ZK9-T\\d+),(in)?voluntary", "$1"), m),
                "families.csv:1: referral: missing required column; the header must name family_id, therapist_id,"
                        + " referral, sessions_attended, end_reason");
        // a wrong type, with file:line
        refused(study(YAML, line(f, 5, s -> s.replaceFirst("^([^,]*,[^,]*,[^,]*),\\d+,", "$1,six,")), m),
                "families.csv:5: sessions_attended: found 'six'; allowed: a whole number from 0 to 1000");
        // out of range: sessions_attended < 0
        refused(study(YAML, line(f, 3, s -> s.replaceFirst("^([^,]*,[^,]*,[^,]*),\\d+,", "$1,-2,")), m),
                "families.csv:3: sessions_attended: found -2; allowed: a whole number from 0 to 1000");
        // an unknown end_reason
        refused(study(YAML, line(f, 4, s -> s.replace("dropout", "quit").replace("goals_met", "quit")), m),
                "families.csv:4: end_reason: found 'quit'; allowed: goals_met, session_limit, dropout, waitlist_dropout,"
                        + " censored");
        // a duplicate family id
        refused(study(YAML, line(f, 7, s -> s.replace("ZK9-F005", "ZK9-F001")), m),
                "families.csv:7: family_id: duplicate: the same id as line 3; allowed: one row per family");
        // a therapist with one family when therapist effects (caseloads) are asked for
        refused(study(YAML, line(f, 8, s -> s.replace("ZK9-T00", "ZK9-T99")), m),
                "families.csv:8: therapist_id: this therapist has one family only");
        // measures for a family not in families.csv
        refused(study(YAML, f, line(m, 6, s -> s.replace("ZK9-F002", "ZK9-X777"))),
                "measures.csv:6: family_id: 'ZK9-X777' is not in families.csv");
        // a measure outside its instrument's scale: SOFTA-o beyond +3, the outcome beyond outcome_max
        refused(study(YAML, f, line(m, 2, s -> s.replaceAll(",-?\\d+$", ",4"))),
                "measures.csv:2: score: found 4, outside the scale; allowed: -3 to 3");
        refused(study(YAML, f, line(m, 3, s -> s.replaceAll(",[0-9.]+$", ",7.5"))),
                "measures.csv:3: score: found 7.5, outside the scale; allowed: 0 to 6");
        // the same score twice
        refused(study(YAML, f, m + "ZK9-F000,0,1,softa_o,engagement,1\n"), "measures.csv:50: score: a second score of"
                + " the same family, member, session and scale (line 2); allowed: one score each");
        // an empty file
        refused(study(YAML, "", m), "families.csv: empty file");
        refused(study(YAML, f, ""), "measures.csv: empty file");
        // a byte-order mark: refused, saying how to remove it
        refused(study(YAML, "\uFEFF" + f, m), "families.csv:1: starts with a byte-order mark (U+FEFF); allowed: UTF-8"
                + " without one");
        // CRLF line ends: refused, saying how to convert
        refused(study(YAML, f.replace("\n", "\r\n"), m), "families.csv:1: Windows line end (CRLF or CR); allowed: LF"
                + " line ends only (convert with dos2unix FILE");
        refused(study(YAML, f, line(m, 9, s -> s + "\r")), "measures.csv:9: Windows line end");
        // the definition of dropout is required
        refused(study(YAML.replaceAll("dropout_definition.*\n", ""), f, m),
                "study-data.yaml:1:1: dropout_definition: missing; give a value");
    }

    @Test
    void theOptimiserAndAnotherSimulationSizeRefuseData() throws Exception {
        Path out = dir.resolve("out");
        Outcome o = AllianceSimTest.run("calibrate", FIT, "--data", EXAMPLE.toString(), "--out", out.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("--data fits by ABC-SMC only; add --method abc-smc"), o.err());
        assertFalse(Files.exists(out));
        o = AllianceSimTest.run("calibrate", FIT, "--data", EXAMPLE.toString(), "--method", "abc-smc", "--families",
                "100", "--out", out.toString());
        assertEquals(2, o.code(), o.err());
        assertTrue(o.err().contains("leave out --replications and --families"), o.err());
        assertFalse(Files.exists(out));
    }

    /**
     * No output file holds an identifier of the input (every family_id and therapist_id of the example,
     * distinctive strings such as QX7-F0123, searched as substrings), and the input folder is byte for byte
     * as before, after a calibration and a validation on it.
     */
    @Test
    void noOutputHoldsARowOfTheInputAndTheInputIsOnlyRead() throws Exception {
        Map<String, String> before = digests(EXAMPLE);
        List<String> ids = new ArrayList<>();
        for (String row : Files.readAllLines(EXAMPLE.resolve("families.csv")).subList(1, 301)) {
            String[] f = row.split(",");
            ids.add(f[0]);
            ids.add(f[1]);
        }
        assertTrue(ids.contains("QX7-F0300") && ids.contains("QX7-T030"), "the example's ids");
        Path cal = dir.resolve("cal");
        Outcome c = AllianceSimTest.run("calibrate", FIT, "--data", EXAMPLE.toString(), "--method", "abc-smc",
                "--population", "8", "--max-simulations", "16", "--threads", "2", "--out", cal.toString(), "--quiet");
        assertEquals(0, c.code(), c.err());
        Path val = dir.resolve("val");
        Outcome v = AllianceSimTest.run("validate", "default", "--data", EXAMPLE.toString(), "--reps", "3",
                "--threads", "2", "--out", val.toString(), "--quiet");
        assertEquals(0, v.code(), v.err());
        assertTrue(v.out().contains("d_dropout"), v.out());
        for (Path root : List.of(cal, val)) {
            List<Path> files;
            try (Stream<Path> s = Files.walk(root)) {
                files = s.filter(Files::isRegularFile).toList();
            }
            assertTrue(files.size() >= 2, root + ": " + files);
            for (Path file : files) {
                String text = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                assertFalse(text.contains("QX7-"), file + " holds an identifier of the input");
                for (String id : ids) {
                    assertFalse(text.contains(id), file + " holds " + id);
                }
            }
        }
        for (String printed : List.of(c.out(), v.out())) {
            assertFalse(printed.contains("QX7-"), printed);
        }
        assertEquals(before, digests(EXAMPLE), "the input folder is only read");
    }

    private static Map<String, String> digests(Path folder) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.list(folder)) {
            for (Path p : s.toList()) {
                out.put(p.getFileName().toString() + " " + Files.getLastModifiedTime(p), HexFormat.of().formatHex(
                        MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(p))));
            }
        }
        return out;
    }
}
