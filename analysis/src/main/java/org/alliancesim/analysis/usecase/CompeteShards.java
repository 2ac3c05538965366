package org.alliancesim.analysis.usecase;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.alliancesim.analysis.compete.VariantScore;
import org.alliancesim.analysis.experiment.Csv;
import org.alliancesim.analysis.io.ReadBack;
import org.alliancesim.analysis.report.CompeteReport;
import org.alliancesim.analysis.sweep.ShardSet;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.HypothesesSpec;

/**
 * The shard folders of one {@code compete}, read back and checked before a merge writes anything:
 * every shard of the same hypotheses (by content: the file may be named differently in each) and
 * the same base scenario content (its SHA-256, as a sweep's identity hashes it), split the same
 * way, each once, none missing (the rules of every merge, {@link ShardSet}); and every score only what {@code compete} could have written: the
 * variant's own name and fitted parameters, fitted values within their ranges, evaluations within
 * the budget, patterns met no more than the patterns, distances finite and at least 0, and the
 * same as the variant's files say (fitted.csv's values, trace.csv's evaluations, validation.csv's
 * patterns and patterns met). Every file is read through {@link ReadBack}: never through a link,
 * and never more than the most {@code compete} writes there. A problem is a
 * {@link BadRequestException} naming the file (and line).
 *
 * @param spec the hypotheses
 * @param source the hypotheses file as the first shard names it
 * @param scores every variant's score, in the file's variant order
 * @param files every variant's files (variants/NAME/FILE to its bytes), to copy
 */
record CompeteShards(HypothesesSpec spec, String source, List<VariantScore> scores, Map<String, byte[]> files) {

    /**
     * The widest number {@link Csv#num} writes: a double's largest magnitude in plain decimal
     * (309 digits) with a sign; values below 2^33 take at most 18 characters.
     */
    private static final int NUMBER_MAX = 330;
    /** calibration.csv and validation.csv restate a targets or validation file (each loaded only under 1 MiB) with eight numbers a row. */
    private static final long RESTATED_MAX = 16L << 20;
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final CsvMapper CSV = new CsvMapper();

    /** Reads and checks {@code dirs}. */
    static CompeteShards read(List<Path> dirs) throws IOException {
        ShardSet<CompeteReport.Shard, BadRequestException> set = new ShardSet<>((d, m) -> new BadRequestException(d
                + ": " + m));
        for (Path d : dirs) {
            if (!CompeteUseCase.isShard(d)) {
                throw new BadRequestException(d + ": not a compete shard folder (no " + CompeteReport.SHARD + "; run"
                        + " compete --shard K/N into it)");
            }
            CompeteReport.Shard s;
            try {
                s = CompeteReport.readShard(d);
            } catch (IllegalArgumentException e) {
                throw new BadRequestException(e.getMessage());
            }
            if (!SHA256.matcher(s.baseSha256()).matches()) {
                throw new BadRequestException(d.resolve(CompeteReport.SHARD) + ": base_scenario_sha256 is missing or"
                        + " not a SHA-256 (damaged, or written by an older alliancesim: run the shard again)");
            }
            CompeteReport.Shard head = set.head();
            String otherRun = head == null ? null
                    : !s.hypotheses().equals(head.hypotheses()) ? "shard of different hypotheses than " + set.first()
                    : !s.baseSha256().equals(head.baseSha256()) ? "shard run from another content of the base scenario "
                            + s.spec().base() + " than " + set.first() + " (base_scenario_sha256 differs: the base, or a"
                            + " file it extends, was edited between the shards); run the shards again from one base"
                    : null;
            set.add(d, s, s.k(), s.n(), otherRun, null);
        }
        Map<Integer, CompeteReport.Shard> byK = set.complete();
        CompeteReport.Shard head = set.head();
        HypothesesSpec spec = head.spec();
        VariantScore[] scores = new VariantScore[spec.variants().size()];
        Map<String, byte[]> files = new LinkedHashMap<>();
        Integer patterns = null;
        for (Map.Entry<Integer, CompeteReport.Shard> e : byK.entrySet()) {
            CompeteReport.Shard s = e.getValue();
            Path d = set.folder(e.getKey());
            Path record = d.resolve(CompeteReport.SHARD);
            if (s.scores().size() != s.variants().size()) {
                throw new BadRequestException(record + ": lists " + s.variants().size() + " variants but "
                        + s.scores().size() + " scores");
            }
            for (int j = 0; j < s.variants().size(); j++) {
                int i = s.variants().get(j);
                // The name comes from the file and names a folder to read: it must be the variant's own.
                if (i < 0 || i >= scores.length || scores[i] != null || i % s.n() != s.k() - 1
                        || !s.scores().get(j).name().equals(spec.variants().get(i).name())) {
                    throw new BadRequestException(record + ": lists variant " + i + " as one of its own, or under"
                            + " another name than the hypotheses give it");
                }
                VariantScore score = s.scores().get(j);
                checkScore(record, spec, spec.variants().get(i), score);
                if (patterns != null && score.patterns() != patterns) {
                    throw new BadRequestException(record + ": variant " + score.name() + " was scored on "
                            + score.patterns() + " validation patterns, another on " + patterns + "; every variant is"
                            + " scored on the same validation set");
                }
                patterns = score.patterns();
                scores[i] = score;
                readVariant(d, spec, spec.variants().get(i), score, files);
            }
        }
        return new CompeteShards(spec, head.source(), List.of(scores), files);
    }

    /** A score must be one compete could have written for {@code v} under {@code spec}. */
    private static void checkScore(Path record, HypothesesSpec spec, HypothesesSpec.Variant v, VariantScore s) {
        String at = record + ": variant " + s.name() + ": ";
        List<String> paths = v.fit().stream().map(CalibrationSpec.Parameter::path).toList();
        if (!s.parameters().equals(paths)) {
            throw new BadRequestException(at + "fitted parameters are not the variant's " + paths);
        }
        for (int q = 0; q < paths.size(); q++) {
            CalibrationSpec.Parameter p = v.fit().get(q);
            double x = s.fitted().get(q);
            if (!(x >= p.min() && x <= p.max())) {
                throw new BadRequestException(at + p.path() + " is fitted at " + Csv.num(x) + ", outside its range ["
                        + Csv.num(p.min()) + ", " + Csv.num(p.max()) + "]");
            }
        }
        if (s.evaluations() < 1 || s.evaluations() > spec.maxEvaluations()) {
            throw new BadRequestException(at + "evaluations is " + s.evaluations() + "; the budget is 1.."
                    + spec.maxEvaluations());
        }
        if (s.patterns() < 0 || s.patternsMet() < 0 || s.patternsMet() > s.patterns()) {
            throw new BadRequestException(at + s.patternsMet() + " of " + s.patterns() + " patterns met; expected"
                    + " 0 <= patterns met <= patterns");
        }
        double[] distances = {s.calibrationDistance(), s.validationDistance()};
        for (int i = 0; i < 2; i++) {
            if (!(distances[i] >= 0 && Double.isFinite(distances[i]))) {
                throw new BadRequestException(at + (i == 0 ? "calibration" : "validation") + " distance is "
                        + Csv.num(distances[i]) + "; a distance is a finite sum of squares, at least 0");
            }
        }
    }

    /**
     * Reads the variant's files (bounded by what compete writes for it) and checks them against its
     * score: the score is what the files say.
     */
    private static void readVariant(Path shard, HypothesesSpec spec, HypothesesSpec.Variant v, VariantScore s,
            Map<String, byte[]> files) throws IOException {
        int k = v.fit().size();
        long pathChars = v.fit().stream().mapToLong(p -> p.path().length() + 2L).sum();
        Map<String, Long> bounds = Map.of(
                "fitted.csv", 64 + pathChars * 2 + k * (4L * (NUMBER_MAX + 1) + 1),
                "trace.csv", 64 + pathChars + (long) Math.max(1, s.evaluations()) * (12 + (2L + k) * (NUMBER_MAX + 1)),
                "calibration.csv", RESTATED_MAX,
                "validation.csv", RESTATED_MAX);
        for (String f : CompeteReport.VARIANT_FILES) {
            String name = CompeteReport.variantFile(s.name(), f);
            try {
                files.put(name, ReadBack.bytes(shard, name, bounds.get(f), "compete writes there for this variant"));
            } catch (NoSuchFileException e) {
                throw new BadRequestException(shard + ": missing " + name);
            } catch (ReadBack.Refused e) {
                throw new BadRequestException(e.getMessage());
            }
        }
        Path dir = shard.resolve(CompeteReport.variantFile(s.name(), ""));
        List<String[]> fitted = lines(dir.resolve("fitted.csv"), files.get(CompeteReport.variantFile(s.name(),
                "fitted.csv")));
        if (fitted.size() != k + 1) {
            throw new BadRequestException(dir.resolve("fitted.csv") + ": " + (fitted.size() - 1) + " rows; the variant"
                    + " fits " + k + " parameters");
        }
        for (int q = 0; q < k; q++) {
            String[] row = fitted.get(q + 1);
            if (row.length != 5 || !row[0].equals(v.fit().get(q).path())
                    || !row[4].equals(Csv.num(s.fitted().get(q)))) {
                throw new BadRequestException(dir.resolve("fitted.csv") + ":" + (q + 2) + ": not the fitted value "
                        + CompeteReport.SHARD + " records for " + v.fit().get(q).path() + " ("
                        + Csv.num(s.fitted().get(q)) + "): edited?");
            }
        }
        int traced = lines(dir.resolve("trace.csv"), files.get(CompeteReport.variantFile(s.name(), "trace.csv")))
                .size() - 1;
        if (traced != s.evaluations()) {
            throw new BadRequestException(dir.resolve("trace.csv") + ": " + traced + " evaluations, but "
                    + CompeteReport.SHARD + " records " + s.evaluations() + ": edited?");
        }
        List<String[]> validation = lines(dir.resolve("validation.csv"), files.get(CompeteReport.variantFile(s.name(),
                "validation.csv")));
        long met = validation.stream().skip(1).filter(r -> r.length > 8 && r[8].equals("true")).count();
        if (validation.size() - 1 != s.patterns() || met != s.patternsMet()) {
            throw new BadRequestException(dir.resolve("validation.csv") + ": " + met + " of " + (validation.size() - 1)
                    + " patterns met, but " + CompeteReport.SHARD + " records " + s.patternsMet() + " of "
                    + s.patterns() + ": edited?");
        }
    }

    /** The records of a CSV file compete wrote (RFC 4180, jackson-dataformat-csv), the header first. */
    private static List<String[]> lines(Path file, byte[] bytes) {
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).with(CsvParser.Feature.WRAP_AS_ARRAY)
                .readValues(bytes)) {
            return it.readAll();
        } catch (IOException | RuntimeException e) {
            throw new BadRequestException(file + ": not valid CSV (damaged?)");
        }
    }
}
