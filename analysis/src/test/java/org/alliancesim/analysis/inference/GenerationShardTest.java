package org.alliancesim.analysis.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A generation shard ({@code slurm --abc}) written and read back on its own, without a run: the
 * exact text against one written out by hand (its SHA-256 digests computed with {@code sha256sum}),
 * and every refusal of {@link GenerationShard#read} with its line and words. The use case's tests
 * (usecase.AbcStepUseCaseTest) damage a real run's shard in six ways; these reach each
 * check alone, so a check that is dropped, loosened or reports the wrong line fails here.
 */
class GenerationShardTest {

    static final String KEY = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    /** Task 2 of 3 of generation 1, population 7 (slots 1 and 4), 2 parameters, 1 statistic. */
    static final String BODY = "# alliancesim abc-smc generation shard 1\n"
            + "key," + KEY + "\n"
            + "generation,1\n"
            + "task,2/3\n"
            + "columns,2,1\n"
            + "1,0,none\n"
            + "1,1,0.5,-1.25,NaN\n"
            + "4,0,1.0E-5,3.0,2.5\n";

    /** {@code printf '...' | sha256sum} of BODY (190 bytes). */
    static final String BODY_SHA = "01b5cdc15c648187d84db9a95d1ac6ef0cab25302373a747ad4b508473e488be";

    static List<List<AbcSmc.Attempt>> attempts() {
        return List.of(
                List.of(new AbcSmc.Attempt(1, 0, null, null),
                        new AbcSmc.Attempt(1, 1, new double[] {0.5, -1.25}, new double[] {Double.NaN})),
                List.of(new AbcSmc.Attempt(4, 0, new double[] {1e-5, 3.0}, new double[] {2.5})));
    }

    @Test
    void fileNamesSlotsAndKeys() {
        assertEquals("task-3.csv", GenerationShard.fileName(3));
        assertArrayEquals(new int[] {1, 4}, GenerationShard.slots(7, 2, 3));
        assertArrayEquals(new int[] {0, 3, 6}, GenerationShard.slots(7, 1, 3));
        assertArrayEquals(new int[] {2, 5}, GenerationShard.slots(7, 3, 3));
        assertArrayEquals(new int[] {0, 1, 2, 3}, GenerationShard.slots(4, 1, 1));
        // A task whose first slot is the last of the population, and one beyond it.
        assertArrayEquals(new int[] {2}, GenerationShard.slots(3, 3, 5));
        assertArrayEquals(new int[] {}, GenerationShard.slots(3, 4, 5));
        // printf 'run-id\n0\nnone' | sha256sum; printf 'run-id\n3\nabc' | sha256sum
        assertEquals("e2a1ebcf190b014cef572bc2372f6d979bd3f93f54aa9adcc4725cb80c5c426f",
                GenerationShard.key("run-id", 0, null));
        assertEquals("9930581bbfb0b260b9ef11b46d2e261103760ca10a51b05cad8b79cbda445f6e",
                GenerationShard.key("run-id", 3, "abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void theWrittenTextIsTheFormatAndReadsBackBitForBit(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve(GenerationShard.fileName(2));
        GenerationShard.write(file, KEY, 1, 2, 3, 2, 1, attempts());
        assertEquals(BODY + "end,3," + BODY_SHA + "\n", Files.readString(file, StandardCharsets.UTF_8));
        GenerationShard.Contents c = GenerationShard.read(tmp, file.getFileName().toString(), KEY, 1, 2, 3, 7, 2, 1, 2);
        assertEquals(2, c.attempts().size());
        AbcSmc.Attempt none = c.attempts().get(0).get(0);
        assertEquals(1, none.slot());
        assertEquals(0, none.attempt());
        assertNull(none.theta());
        assertNull(none.stats());
        AbcSmc.Attempt second = c.attempts().get(0).get(1);
        assertEquals(1, second.attempt());
        assertArrayEquals(new double[] {0.5, -1.25}, second.theta(), 0);
        assertTrue(Double.isNaN(second.stats()[0]));
        AbcSmc.Attempt other = c.attempts().get(1).get(0);
        assertEquals(4, other.slot());
        assertArrayEquals(new double[] {1e-5, 3.0}, other.theta(), 0);
        assertArrayEquals(new double[] {2.5}, other.stats(), 0);
        assertEquals(2, c.lines().size());
        assertArrayEquals(new int[] {6, 7}, c.lines().get(0));
        assertArrayEquals(new int[] {8}, c.lines().get(1));
    }

    /** The longest text Double.toString writes (24 characters) is still read. */
    @Test
    void aNumberOfTwentyFourCharactersIsRead(@TempDir Path tmp) throws Exception {
        String longest = "-1.2345678901234568E-300";
        assertEquals(24, longest.length());
        write(tmp, BODY.replace("4,0,1.0E-5,", "4,0," + longest + ","), true);
        GenerationShard.Contents c = read(tmp, 2);
        assertEquals(-1.2345678901234568E-300, c.attempts().get(1).get(0).theta()[0], 0);
    }

    /** One parameter and two statistics: each statistic read from its own column. */
    @Test
    void twoStatisticsAreReadFromTheirOwnColumns(@TempDir Path tmp) throws Exception {
        Path file = tmp.resolve("task-1.csv");
        GenerationShard.write(file, KEY, 0, 1, 1, 1, 2, List.of(List.of(new AbcSmc.Attempt(0, 0, new double[] {0.25},
                new double[] {1.5, -2.0}))));
        AbcSmc.Attempt a = GenerationShard.read(tmp, "task-1.csv", KEY, 0, 1, 1, 1, 1, 2, 1).attempts().get(0).get(0);
        assertArrayEquals(new double[] {0.25}, a.theta(), 0);
        assertArrayEquals(new double[] {1.5, -2.0}, a.stats(), 0);
    }

    /** Header and end with no rows: refused for its missing slots (not as a file without its end line). */
    @Test
    void aShardWithoutRowsLacksItsSlots(@TempDir Path tmp) throws Exception {
        String header = BODY.substring(0, BODY.indexOf("1,0,none"));
        write(tmp, header, true);
        refused(tmp, 2, ":6: holds 0 of this task's 2 slots");
    }

    @Test
    void eachDamageIsRefusedWithItsLine(@TempDir Path tmp) throws Exception {
        String[][] cases = {
            // {the file's text (sealed with a correct end line unless marked), expected "file:LINE: message" tail}
            {BODY.replace("shard 1", "shard 2"),
                ":1: expected the format line '# alliancesim abc-smc generation shard 1', found"
                        + " '# alliancesim abc-smc generation shard 2'"},
            {BODY.replace("key,0123", "key,f123"),
                ":2: expected key," + KEY + " (this run, generation and checkpoint; a shard of another run or of an"
                        + " earlier attempt at this generation is refused), found 'key,f123456789abcdef0123456789abcdef0...'"},
            {BODY.replace("generation,1", "generation,2"), ":3: expected generation,1, found 'generation,2'"},
            {BODY.replace("task,2/3", "task,1/3"), ":4: expected task,2/3, found 'task,1/3'"},
            {BODY.replace("columns,2,1", "columns,2,2"),
                ":5: expected columns,2,1 (parameters, statistics), found 'columns,2,2'"},
            {BODY.replace("1,1,0.5,-1.25,NaN", "1,1,0.5,-1.25"),
                ":7: a row must hold slot,attempt and 3 numbers (or 'none'), found 4 fields"},
            {BODY.replace("1,0,none", "01,0,none"),
                ":6: slot '01' is not a whole number from 0 written without sign or leading zeros"},
            {BODY.replace("1,0,none", "1,-0,none"),
                ":6: attempt '-0' is not a whole number from 0 written without sign or leading zeros"},
            {BODY.replace("4,0,1.0E-5", "1234567890,0,1.0E-5"), ":8: slot '1234567890' is not a whole number"},
            {BODY.replace("4,0,1.0E-5", "123456789,0,1.0E-5"),
                ":8: slot 123456789 is not the next of this task's slots (expected 4)"},
            {BODY.replace("1,0,none", "2,0,none"), ":6: slot 2 is not the next of this task's slots (expected 1)"},
            {BODY + "7,0,none\n", ":9: slot 7 is not the next of this task's slots (it has 2)"},
            {BODY.replace("1,0,none\n", "1,1,none\n"),
                ":6: slot 1 attempt 1 is out of order (attempts of a slot run 0, 1, 2, ...)"},
            {BODY.replace("1,1,0.5", "1,2,0.5"), ":7: slot 1 attempt 2 is out of order"},
            {BODY.replace("1,1,0.5", "4,1,0.5"), ":7: slot 4 attempt 1 is out of order"},
            {BODY.replace("1,0,none", "1,0,nil"),
                ":6: a row of 3 fields must end in 'none' (no move stayed in the prior's support), found 'nil'"},
            {BODY.replace("0.5,-1.25", "0.50,-1.25"),
                ":7: parameter 1 '0.50' is not a number as Java's Double.toString writes it (the exact form the shard"
                        + " is written in)"},
            {BODY.replace(",NaN", ",nan"), ":7: statistic 1 'nan' is not a number as Java's Double.toString writes it"},
            {BODY.replace("0.5,-1.25", "0.5,x"), ":7: parameter 2 'x' is not a number"},
            {BODY.replace("0.5,-1.25", "0.5,-1.234567890123456789012345"), ":7: parameter 2 '-1.234567890123456789012345'"
                    + " is not a number"},
            {BODY.replace("0.5,-1.25", "Infinity,-1.25"), ":7: parameter 1 is Infinity; parameters are finite"},
            {BODY.replace("0.5,-1.25", "0.5,NaN"), ":7: parameter 2 is NaN; parameters are finite"},
            {BODY.replace("4,0,1.0E-5,3.0,2.5\n", ""), ":8: holds 1 of this task's 2 slots"},
        };
        for (String[] c : cases) {
            write(tmp, c[0], true);
            refused(tmp, 5, c[1]);
        }
    }

    @Test
    void aDamagedEndIsRefused(@TempDir Path tmp) throws Exception {
        String sealed = BODY + "end,3," + BODY_SHA + "\n";
        String[][] cases = {
            {sealed.substring(0, sealed.length() - 1), ":9: the file does not end with a line break: truncated"},
            {BODY, ":8: the last line must be end,ROWS,SHA-256: the file is truncated or damaged"},
            {BODY + "end,3," + BODY_SHA + ",x\n", ":9: the last line must be end,ROWS,SHA-256"},
            {BODY + "fin,3," + BODY_SHA + "\n", ":9: the last line must be end,ROWS,SHA-256"},
            {BODY + "end,3," + BODY_SHA.toUpperCase() + "\n", ":9: the last line must be end,ROWS,SHA-256"},
            {BODY + "end,4," + BODY_SHA + "\n",
                ":9: the end line's row count or digest does not match the rows above it: the file was damaged or"
                        + " edited after it was written"},
            {BODY.replace("2.5", "2.6") + "end,3," + BODY_SHA + "\n", ":9: the end line's row count or digest"},
            {BODY.substring(0, BODY.indexOf("key,") + 10) + "\n", ":2: expected key," + KEY},
            {BODY.substring(0, BODY.indexOf("generation,")), ":3: expected generation,1, found ''"},
        };
        for (String[] c : cases) {
            write(tmp, c[0], false);
            refused(tmp, 5, c[1]);
        }
    }

    /** An attempt is refused from the generation's allowance on: attempt 1 with an allowance of 1, read with 2. */
    @Test
    void anAttemptBeyondTheAllowanceIsRefused(@TempDir Path tmp) throws Exception {
        write(tmp, BODY, true);
        refused(tmp, 1, ":7: attempt 1 is beyond the generation's 1 simulations");
        assertEquals(2, read(tmp, 2).attempts().get(0).size());
    }

    /**
     * The size bound, worked out from the format: a row holds two ints (10 digits and a comma each),
     * D + M numbers of at most 24 characters with a comma, and a line break, so 22 + 3 x 25 + 1 = 98
     * bytes here; the bound is 400 + slots x max(1, attempts) x 98 + 100.
     */
    @Test
    void aFileLargerThanTheFormatAllowsIsRefusedUnread(@TempDir Path tmp) throws Exception {
        Files.writeString(tmp.resolve("task-2.csv"), "x".repeat(2000), StandardCharsets.UTF_8);
        IllegalArgumentException five = assertThrows(IllegalArgumentException.class, () -> read(tmp, 5));
        assertTrue(five.getMessage().contains("holds 2000 bytes, more than the 1480 bytes a shard of 2 slots of at most 5"
                + " attempts can hold"), five.getMessage());
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, () -> read(tmp, 0));
        assertTrue(none.getMessage().contains("more than the 696 bytes a shard of 2 slots of at most 0 attempts"),
                none.getMessage());
        // 4 parameters and 3 statistics, one slot (task 7 of 7 of 7), 3 attempts: 22 + 7 x 25 + 1 = 198; 400 + 594 + 100.
        IllegalArgumentException wide = assertThrows(IllegalArgumentException.class,
                () -> GenerationShard.read(tmp, "task-2.csv", KEY, 1, 7, 7, 7, 4, 3, 3));
        assertTrue(wide.getMessage().contains("more than the 1094 bytes a shard of 1 slots of at most 3 attempts"),
                wide.getMessage());
    }

    private static void write(Path tmp, String text, boolean seal) throws Exception {
        String out = text;
        if (seal) {
            long rows = text.lines().count() - 5;
            String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
            out = text + "end," + rows + "," + digest + "\n";
        }
        Files.writeString(tmp.resolve("task-2.csv"), out, StandardCharsets.UTF_8);
    }

    private static GenerationShard.Contents read(Path tmp, long maxAttempts) throws Exception {
        return GenerationShard.read(tmp, "task-2.csv", KEY, 1, 2, 3, 7, 2, 1, maxAttempts);
    }

    private static void refused(Path tmp, long maxAttempts, String tail) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> read(tmp, maxAttempts), tail);
        String prefix = tmp.resolve("task-2.csv").toString();
        assertTrue(e.getMessage().startsWith(prefix + tail), "expected " + prefix + tail + "\n   found " + e.getMessage());
    }
}
