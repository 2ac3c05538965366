package org.alliancesim.analysis.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.alliancesim.analysis.charts.ChartTable;
import org.alliancesim.analysis.charts.Charts;
import org.alliancesim.analysis.compete.Competition;
import org.alliancesim.analysis.compete.ModelProbabilities;
import org.alliancesim.analysis.compete.Ranking;
import org.alliancesim.analysis.compete.VariantScore;
import org.alliancesim.analysis.experiment.Csv;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.HypothesesSpec;

/**
 * Files of {@code compete} (docs/outputs.md, "compete"): per variant, variants/NAME/fitted.csv,
 * trace.csv, calibration.csv and validation.csv; for the whole, ranking.csv, the patterns-met chart,
 * summary.json and report.html. A shard folder holds its variants' files and shard.json (the
 * hypotheses and its variants' {@link VariantScore}s), from which a merge writes the whole's files.
 */
public final class CompeteReport {

    /** The shard record of a {@code compete --shard} folder. */
    public static final String SHARD = "shard.json";

    /** The files of the whole, besides the variants' folders. */
    public static final List<String> FILES = Figures.withCharts(List.of("ranking.csv", "summary.json", "report.html"),
            "patterns-met");

    /** The detail files of each variant, under variants/NAME/. */
    public static final List<String> VARIANT_FILES = List.of("fitted.csv", "trace.csv", "calibration.csv",
            "validation.csv");

    /** The ranking's columns. */
    public static final String RANKING_HEADER = "rank,variant,parameters,fitted_parameters,calibration_distance,evaluations,"
            + "patterns_met,patterns,validation_distance,penalty,criterion\n";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER).enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE);

    private CompeteReport() {}

    /**
     * A shard as recorded: the hypotheses, the hash of the base scenario's resolved content it ran
     * from, which part it is, and its variants' scores in variant order.
     */
    public record Shard(HypothesesSpec spec, JsonNode hypotheses, String baseSha256, String source, int k, int n,
            List<Integer> variants, List<VariantScore> scores) {}

    /**
     * The most bytes shard.json is read up to: it holds the hypotheses file (loaded only under
     * 1 MiB, docs/security.md) as indented JSON, and one score per variant.
     */
    public static final long SHARD_MAX_BYTES = 16L << 20;

    /** The hypotheses as a tree, every field written out (the shard identity and the provenance). */
    public static JsonNode tree(HypothesesSpec spec) {
        return JSON.valueToTree(spec);
    }

    /** The hypotheses as YAML, every field written out. */
    public static String yaml(HypothesesSpec spec) throws IOException {
        return YAML.writeValueAsString(JSON.valueToTree(spec));
    }

    /** The files of the variants under variants/NAME/ (the result files a run may replace). */
    public static List<String> variantFiles(HypothesesSpec spec) {
        List<String> out = new ArrayList<>();
        for (HypothesesSpec.Variant v : spec.variants()) {
            VARIANT_FILES.forEach(f -> out.add(variantFile(v.name(), f)));
        }
        return out;
    }

    /** variants/NAME/FILE. */
    public static String variantFile(String variant, String file) {
        return "variants/" + variant + "/" + file;
    }

    /** Writes one variant's detail files. */
    public static void writeVariant(ResultsFolder folder, Competition.VariantRun run) throws IOException {
        String name = run.score().name();
        CalibrationSpec spec = run.fitSpec();
        StringBuilder fitted = new StringBuilder("parameter,min,max,start,fitted\n");
        for (int i = 0; i < spec.parameters().size(); i++) {
            CalibrationSpec.Parameter q = spec.parameters().get(i);
            fitted.append(Csv.text(q.path())).append(',').append(Csv.num(q.min())).append(',').append(Csv.num(q.max()))
                    .append(',').append(Csv.num(run.fit().start()[i])).append(',').append(Csv.num(run.fit().best()[i]))
                    .append('\n');
        }
        folder.write(variantFile(name, "fitted.csv"), fitted.toString());
        folder.write(variantFile(name, "trace.csv"), CalibrationReport.traceCsv(spec, run.fit()));
        folder.write(variantFile(name, "calibration.csv"),
                CalibrationReport.csv(CalibrationReport.rows(spec, run.targetEstimates())));
        folder.write(variantFile(name, "validation.csv"), CalibrationReport.validationCsv(run.validation()));
    }

    /** Writes shard.json: the hypotheses, the shard, and its variants' scores. */
    public static void writeShard(ResultsFolder folder, HypothesesSpec spec, String baseSha256, String source, int k,
            int n, List<Integer> variants, List<VariantScore> scores) throws IOException {
        ObjectNode o = JSON.createObjectNode();
        o.put("kind", "alliancesim compete shard");
        o.put("base_scenario_sha256", baseSha256);
        o.put("source", source);
        o.put("shard", k + "/" + n);
        o.set("hypotheses", tree(spec));
        ArrayNode idx = o.putArray("variants");
        variants.forEach(idx::add);
        o.set("scores", JSON.valueToTree(scores));
        folder.write(SHARD, JSON.writeValueAsString(o) + "\n");
    }

    /**
     * Reads {@code dir}/shard.json, never through a link and at most {@link #SHARD_MAX_BYTES}.
     *
     * @throws IllegalArgumentException (bad input) naming the file when it is not a compete shard record
     */
    public static Shard readShard(java.nio.file.Path dir) throws IOException {
        java.nio.file.Path file = dir.resolve(SHARD);
        try {
            JsonNode o = JSON.readTree(org.alliancesim.analysis.io.ReadBack.bytes(dir, SHARD, SHARD_MAX_BYTES,
                    "a compete shard record holds"));
            if (!"alliancesim compete shard".equals(o.path("kind").asText())) {
                throw new IllegalArgumentException(file + ": not a compete shard record");
            }
            String[] kn = o.path("shard").asText().split("/");
            JsonNode h = o.get("hypotheses");
            List<Integer> variants = new ArrayList<>();
            o.path("variants").forEach(v -> variants.add(v.intValue()));
            List<VariantScore> scores = new ArrayList<>();
            for (JsonNode s : o.path("scores")) {
                scores.add(JSON.treeToValue(s, VariantScore.class));
            }
            return new Shard(JSON.treeToValue(h, HypothesesSpec.class), h, o.path("base_scenario_sha256").asText(),
                    o.path("source").asText(),
                    Integer.parseInt(kn[0]),
                    Integer.parseInt(kn[1]), List.copyOf(variants), List.copyOf(scores));
        } catch (org.alliancesim.analysis.io.ReadBack.Refused e) {
            throw new IllegalArgumentException(e.getMessage());
        } catch (com.fasterxml.jackson.core.JacksonException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae && iae.getMessage() != null
                    && iae.getMessage().startsWith(file.toString())) {
                throw iae;
            }
            throw new IllegalArgumentException(file + ": not a readable compete shard record ("
                    + e.getClass().getSimpleName() + ")");
        }
    }

    /**
     * Writes ranking.csv, the patterns-met chart (PNG, SVG and its CSV), summary.json and report.html
     * of the whole competition.
     *
     * @param source the hypotheses file, as named
     * @param scores every variant's score, in the file's variant order
     * @return the ranking
     */
    public static List<Ranking.Place> writeRanking(ResultsFolder folder, HypothesesSpec spec, String source,
            List<VariantScore> scores, Provenance p) throws IOException {
        return writeRanking(folder, spec, source, scores, p, null, null);
    }

    /**
     * {@link #writeRanking(ResultsFolder, HypothesesSpec, String, List, Provenance)}, with the variants'
     * model probabilities beside the ranking when {@code probabilities} is not null: three more columns
     * of ranking.csv ({@code prior_probability,probability,probability_sd}), a {@code model_probabilities}
     * object in summary.json and a table in report.html.
     */
    public static List<Ranking.Place> writeRanking(ResultsFolder folder, HypothesesSpec spec, String source,
            List<VariantScore> scores, Provenance p, ModelProbabilities.Outcome probabilities,
            ModelChoiceReport.Run run) throws IOException {
        List<Ranking.Place> ranking = Ranking.of(scores);
        StringBuilder csv = new StringBuilder(probabilities == null ? RANKING_HEADER
                : RANKING_HEADER.replace("\n", ",prior_probability,probability,probability_sd\n"));
        List<List<Object>> bars = new ArrayList<>();
        List<List<String>> cells = new ArrayList<>();
        ArrayNode rankingNode = JSON.createArrayNode();
        for (Ranking.Place place : ranking) {
            VariantScore s = place.score();
            String fitted = fitted(s);
            csv.append(place.rank()).append(',').append(Csv.text(s.name())).append(',').append(s.k()).append(',')
                    .append(Csv.text(fitted)).append(',').append(Csv.num(s.calibrationDistance())).append(',')
                    .append(s.evaluations()).append(',').append(s.patternsMet()).append(',').append(s.patterns())
                    .append(',').append(Csv.num(s.validationDistance())).append(',').append(Csv.num(place.penalty()))
                    .append(',').append(Csv.num(place.criterion()));
            if (probabilities != null) {
                ModelProbabilities.Variant v = probabilities.variants().stream().filter(x -> x.name().equals(s.name()))
                        .findFirst().orElseThrow();
                csv.append(',').append(Csv.num(v.prior())).append(',').append(Csv.num(v.probability())).append(',')
                        .append(Csv.num(v.sd()));
            }
            csv.append('\n');
            bars.add(List.of(s.name(), place.rank(), s.patternsMet(), s.patterns()));
            cells.add(List.of(Integer.toString(place.rank()), s.name(), Integer.toString(s.k()), fitted,
                    HtmlReport.fmt(s.calibrationDistance()), s.patternsMet() + " / " + s.patterns(),
                    HtmlReport.fmt(s.validationDistance()), HtmlReport.fmt(place.penalty()),
                    HtmlReport.fmt(place.criterion())));
            ObjectNode r = rankingNode.addObject();
            r.put("rank", place.rank());
            r.put("variant", s.name());
            ObjectNode params = r.putObject("fitted");
            for (int i = 0; i < s.k(); i++) {
                params.put(s.parameters().get(i), s.fitted().get(i));
            }
            RunReport.put(r, "calibration_distance", s.calibrationDistance());
            r.put("evaluations", s.evaluations());
            r.put("patterns_met", s.patternsMet());
            r.put("patterns", s.patterns());
            RunReport.put(r, "validation_distance", s.validationDistance());
            r.put("penalty", place.penalty());
            RunReport.put(r, "criterion", place.criterion());
        }
        folder.write("ranking.csv", csv.toString());
        String subtitle = source + ": " + scores.size() + " variants on " + spec.base() + ", budget "
                + spec.maxEvaluations() + " evaluations, validation seed " + spec.validationSeed();
        List<HtmlReport.Figure> figures = new ArrayList<>();
        ChartTable table = new ChartTable(List.of("variant", "rank", "patterns_met", "patterns"), bars);
        Figures.add(folder, figures, "patterns-met", "Validation patterns met per variant",
                "Patterns of the validation set (" + spec.validation() + ") whose estimate, on the validation seed,"
                        + " lies in the published range; variants in rank order.",
                Charts.patternsMet("Validation patterns met", subtitle, table), table);
        ObjectNode summary = JSON.createObjectNode();
        summary.put("hypotheses", source);
        summary.put("ranked_by", "validation patterns met (more first), then criterion = validation distance +"
                + " penalty (lower first), then calibration distance, then name; penalty = 2k (AIC)");
        summary.set("ranking", rankingNode);
        if (probabilities != null) {
            summary.set("model_probabilities", ModelChoiceReport.node(probabilities, run));
        }
        provenance(summary, spec, p);
        folder.write("summary.json", JSON.writeValueAsString(summary) + "\n");
        List<List<String>> variants = new ArrayList<>();
        for (HypothesesSpec.Variant v : spec.variants()) {
            List<String> edits = new ArrayList<>();
            for (Map.Entry<String, Object> e : v.edits().entrySet()) {
                edits.add(e.getKey() + ": " + e.getValue());
            }
            List<String> fit = v.fit().stream().map(q -> q.path() + " in [" + HtmlReport.fmt(q.min()) + ", "
                    + HtmlReport.fmt(q.max()) + "]").toList();
            variants.add(List.of(v.name(), String.join("; ", edits), String.join("; ", fit)));
        }
        List<String[]> provRows = new ArrayList<>();
        provRows.add(new String[] {"program", "alliancesim " + p.version()});
        provRows.add(new String[] {"command line", "alliancesim " + String.join(" ", p.arguments())});
        provRows.add(new String[] {"calibration", spec.targets() + ": " + spec.replications() + " replications x "
                + spec.families() + " families per evaluation, seed " + spec.seed()});
        provRows.add(new String[] {"validation", spec.validation() + ": " + spec.validationReplications()
                + " replications, seed " + spec.validationSeed()});
        provRows.add(new String[] {"started", p.started().toString()});
        provRows.add(new String[] {"finished", p.finished().toString()});
        folder.write("report.html", HtmlReport.page("alliancesim compete: " + source,
                "Each variant was fitted to the calibration set (" + spec.targets() + ") with the same budget ("
                        + spec.maxEvaluations() + " evaluations) on common random numbers, then scored on the"
                        + " validation set (" + spec.validation() + ") on a seed the fits never saw. Ranked by"
                        + " validation patterns met, then by validation distance + 2k (k fitted parameters; the"
                        + " AIC's penalty), then by calibration distance. Details per variant: variants/NAME/.",
                tables(cells, variants, probabilities, run),
                figures, provRows, yaml(spec)));
        return ranking;
    }

    private static List<HtmlReport.Table> tables(List<List<String>> cells, List<List<String>> variants,
            ModelProbabilities.Outcome probabilities, ModelChoiceReport.Run run) {
        List<HtmlReport.Table> out = new ArrayList<>();
        out.add(new HtmlReport.Table("Ranking", List.of("rank", "variant", "k", "fitted", "calibration distance",
                "patterns met", "validation distance", "penalty", "criterion"), cells));
        if (probabilities != null) {
            out.add(ModelChoiceReport.table(probabilities, run));
        }
        out.add(new HtmlReport.Table("Variants", List.of("variant", "edits", "fitted parameters"), variants));
        return out;
    }

    /** summary.json's provenance: program, command line, start and finish, the hypotheses written out. */
    static void provenance(ObjectNode summary, HypothesesSpec spec, Provenance p) {
        ObjectNode prov = summary.putObject("provenance");
        prov.put("program", "alliancesim");
        Provenance.build().putInto(prov);
        ArrayNode args = prov.putArray("command_line");
        args.add("alliancesim");
        p.arguments().forEach(args::add);
        prov.put("started", p.started().toString());
        prov.put("finished", p.finished().toString());
        prov.set("hypotheses", tree(spec));
    }

    /** {@code o} as indented JSON with a final newline, as summary.json is written. */
    static String json(ObjectNode o) throws IOException {
        return JSON.writeValueAsString(o) + "\n";
    }

    /** The fitted values as text: {@code path=value; path=value}. */
    static String fitted(VariantScore s) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < s.k(); i++) {
            parts.add(s.parameters().get(i) + "=" + String.format(Locale.ROOT, "%s", Csv.num(s.fitted().get(i))));
        }
        return String.join("; ", parts);
    }
}
