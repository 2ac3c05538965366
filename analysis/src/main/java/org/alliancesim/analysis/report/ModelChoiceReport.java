package org.alliancesim.analysis.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.calibration.PosteriorPredictive;
import org.alliancesim.analysis.charts.ChartTable;
import org.alliancesim.analysis.charts.Charts;
import org.alliancesim.analysis.compete.ModelProbabilities;
import org.alliancesim.analysis.compete.PlantedPower;
import org.alliancesim.analysis.experiment.Csv;
import org.alliancesim.analysis.inference.AbcSmc;
import org.alliancesim.analysis.inference.ModelSelection;
import org.alliancesim.scenario.HypothesesSpec;

/**
 * Files of {@code compete --method abc-smc} (docs/hypotheses.md, "Model probabilities"): the
 * variants' model probabilities (model-probabilities.csv, model-generations.csv), each variant's
 * parameter posterior and posterior predictive of the validation patterns, and the tables
 * {@link CompeteReport} adds to ranking.csv, summary.json and report.html; and of
 * {@code --planted}: planted-power.csv, planted-datasets.csv and the planted-power chart.
 */
public final class ModelChoiceReport {

    /** The files of the whole a model-probability run adds. */
    public static final List<String> FILES = List.of("model-probabilities.csv", "model-generations.csv");

    /** The files of each variant it adds, under variants/NAME/. */
    public static final List<String> VARIANT_FILES = List.of("posterior-summary.csv",
            CalibrationReport.PREDICTIVE_CSV);

    /** The files of a planted-power run. */
    public static final List<String> PLANTED_FILES = Figures.withCharts(List.of("planted-power.csv",
            "planted-datasets.csv", "summary.json", "report.html"), "planted-power");

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ModelChoiceReport() {}

    /**
     * The model-probability run's settings and where it stands.
     *
     * @param settings the ABC settings of repeat 0
     * @param repeats K
     * @param replications replications per simulation
     * @param families families per simulation
     * @param draws posterior predictive draws per variant
     * @param drawReplications validation replications per draw
     * @param evidence what the probabilities are conditioned on: the calibration set, or a study's own
     *     data (its folder as given and its size; never a row of it)
     */
    public record Run(AbcSmc.Settings settings, int repeats, int replications, int families, int draws,
            int drawReplications, String evidence) {}

    /** The variants' files a model-probability run adds. */
    public static List<String> variantFiles(HypothesesSpec spec) {
        List<String> out = new ArrayList<>();
        for (HypothesesSpec.Variant v : spec.variants()) {
            VARIANT_FILES.forEach(f -> out.add(CompeteReport.variantFile(v.name(), f)));
        }
        return out;
    }

    /** model-probabilities.csv: a row per variant, in file order. */
    public static String probabilitiesCsv(ModelProbabilities.Outcome o) {
        int k = o.runs().size();
        StringBuilder sb = new StringBuilder("variant,prior_probability,probability,probability_sd,particles");
        for (int r = 1; r <= k; r++) {
            sb.append(",repeat_").append(r);
        }
        sb.append('\n');
        for (ModelProbabilities.Variant v : o.variants()) {
            sb.append(Csv.text(v.name())).append(',').append(Csv.num(v.prior())).append(',')
                    .append(Csv.num(v.probability())).append(',').append(Csv.num(v.sd())).append(',')
                    .append(v.population() == null ? 0 : particles(o, v));
            for (double x : v.repeats()) {
                sb.append(',').append(Csv.num(x));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static int particles(ModelProbabilities.Outcome o, ModelProbabilities.Variant v) {
        int i = o.variants().indexOf(v);
        List<ModelSelection.Generation> g = o.runs().get(0).generations();
        return g.get(g.size() - 1).particles()[i];
    }

    /** model-generations.csv: repeat by repeat, each generation's tolerance, acceptance and model probabilities. */
    public static String generationsCsv(ModelProbabilities.Outcome o) {
        StringBuilder sb = new StringBuilder("repeat,generation,tolerance,acceptance_rate,simulations");
        for (ModelProbabilities.Variant v : o.variants()) {
            sb.append(',').append(Csv.text("p_" + v.name()));
        }
        sb.append('\n');
        for (int r = 0; r < o.runs().size(); r++) {
            for (ModelSelection.Generation g : o.runs().get(r).generations()) {
                sb.append(r + 1).append(',').append(g.index()).append(',').append(Csv.num(g.tolerance())).append(',')
                        .append(Csv.num(g.acceptanceRate())).append(',').append(g.simulations());
                for (double p : g.probabilities()) {
                    sb.append(',').append(Csv.num(p));
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /** Writes the model-probability files: the whole's and each variant's. */
    public static void write(ResultsFolder folder, ModelProbabilities.Outcome o,
            List<PosteriorPredictive.Patterns> predictive) throws IOException {
        folder.write("model-probabilities.csv", probabilitiesCsv(o));
        folder.write("model-generations.csv", generationsCsv(o));
        for (int i = 0; i < o.variants().size(); i++) {
            ModelProbabilities.Variant v = o.variants().get(i);
            folder.write(CompeteReport.variantFile(v.name(), "posterior-summary.csv"), v.posterior() == null
                    ? "parameter,mean,sd,median,q025,q975,ess\n" : AbcSmcReport.summaryCsv(v.posterior()));
            PosteriorPredictive.Patterns pp = predictive.get(i);
            folder.write(CompeteReport.variantFile(v.name(), CalibrationReport.PREDICTIVE_CSV),
                    CalibrationReport.predictiveCsv(pp == null ? List.of() : pp.rows()));
        }
    }

    /** The model probabilities as summary.json holds them. */
    static ObjectNode node(ModelProbabilities.Outcome o, Run run) {
        ObjectNode n = NODES.objectNode();
        n.put("method", "ABC-SMC model selection, the model index among the particles (Toni and Stumpf 2010)");
        n.put("evidence", run.evidence());
        n.put("repeats", run.repeats());
        n.put("population", run.settings().populationSize());
        n.put("max_simulations", run.settings().maxSimulations());
        n.put("min_acceptance", run.settings().minAcceptanceRate());
        n.put("max_generations", run.settings().maxGenerations());
        n.put("replications_per_simulation", run.replications());
        n.put("families_per_simulation", run.families());
        n.put("simulations", o.simulations());
        n.put("predictive_draws", run.draws());
        n.put("predictive_replications_per_draw", run.drawReplications());
        ArrayNode vs = n.putArray("variants");
        for (ModelProbabilities.Variant v : o.variants()) {
            ObjectNode x = vs.addObject();
            x.put("variant", v.name());
            x.put("prior_probability", v.prior());
            x.put("probability", v.probability());
            RunReport.put(x, "probability_sd", v.sd());
        }
        ArrayNode stops = n.putArray("stop_reasons");
        o.runs().forEach(r -> stops.add(r.stopReason()));
        return n;
    }

    /** The model probabilities as report.html's table. */
    static HtmlReport.Table table(ModelProbabilities.Outcome o, Run run) {
        List<List<String>> rows = new ArrayList<>();
        for (ModelProbabilities.Variant v : o.variants()) {
            rows.add(List.of(v.name(), HtmlReport.fmt(v.prior()), HtmlReport.fmt(v.probability()),
                    Double.isNaN(v.sd()) ? "" : HtmlReport.fmt(v.sd())));
        }
        return new HtmlReport.Table("Model probabilities given " + run.evidence() + " (ABC-SMC model selection;"
                + " mean and sd over " + o.runs().size() + " repeats on different seeds)", List.of("variant", "prior probability",
                "posterior probability", "Monte Carlo sd"), rows);
    }

    /** planted-power.csv: a row per size. */
    public static String plantedCsv(PlantedPower.Outcome o) {
        StringBuilder sb = new StringBuilder("families,datasets,planted_highest,share,lower,upper,planted_mean_probability,simulations\n");
        for (PlantedPower.Row r : o.rows()) {
            sb.append(r.size()).append(',').append(r.datasets()).append(',').append(r.wins()).append(',')
                    .append(Csv.num(r.share().value())).append(',').append(Csv.num(r.share().lower())).append(',')
                    .append(Csv.num(r.share().upper())).append(',').append(Csv.num(r.meanProbability())).append(',')
                    .append(r.simulations()).append('\n');
        }
        return sb.toString();
    }

    /** planted-datasets.csv: a row per dataset, each variant's probability. */
    public static String datasetsCsv(HypothesesSpec spec, PlantedPower.Outcome o) {
        StringBuilder sb = new StringBuilder("families,dataset,statistics,highest,simulations");
        spec.variants().forEach(v -> sb.append(',').append(Csv.text("p_" + v.name())));
        sb.append('\n');
        for (PlantedPower.Dataset d : o.datasets()) {
            sb.append(d.size()).append(',').append(d.dataset()).append(',').append(d.statistics()).append(',')
                    .append(Csv.text(spec.variants().get(d.winner()).name())).append(',').append(d.simulations());
            for (double p : d.probabilities()) {
                sb.append(',').append(Csv.num(p));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** Writes every file of a planted-power run. */
    public static void writePlanted(ResultsFolder folder, HypothesesSpec spec, String source, PlantedPower.Outcome o,
            AbcSmc.Settings settings, Provenance p) throws IOException {
        String planted = spec.variants().get(o.planted()).name();
        folder.write("planted-power.csv", plantedCsv(o));
        folder.write("planted-datasets.csv", datasetsCsv(spec, o));
        List<List<Object>> rows = new ArrayList<>();
        for (PlantedPower.Row r : o.rows()) {
            rows.add(List.of(planted, r.size(), r.share().value(), r.share().lower(), r.share().upper()));
        }
        ChartTable table = new ChartTable(List.of("planted", "families", "power", "lower", "upper"), rows);
        String subtitle = source + ": " + settings.populationSize() + " particles, at most "
                + settings.maxSimulations() + " simulations per dataset";
        List<HtmlReport.Figure> figures = new ArrayList<>();
        Figures.add(folder, figures, "planted-power", "Share of planted datasets won by the planted variant",
                "Per study size, the share of datasets simulated from " + planted + " in which it had the highest"
                        + " model probability, with its Clopper-Pearson 95% interval; dashed line at 0.8.",
                Charts.power(planted + ", planted: highest probability", subtitle, table,
                        "share of datasets, planted variant highest"), table);
        ObjectNode summary = NODES.objectNode();
        summary.put("hypotheses", source);
        summary.put("planted", planted);
        ObjectNode at = summary.putObject("planted_at");
        for (int i = 0; i < o.parameters().length; i++) {
            at.put(spec.variants().get(o.planted()).fit().get(i).path(), o.parameters()[i]);
        }
        summary.put("population", settings.populationSize());
        summary.put("max_simulations", settings.maxSimulations());
        summary.put("max_generations", settings.maxGenerations());
        summary.put("min_acceptance", settings.minAcceptanceRate());
        ArrayNode sizes = summary.putArray("sizes");
        List<List<String>> cells = new ArrayList<>();
        for (PlantedPower.Row r : o.rows()) {
            ObjectNode x = sizes.addObject();
            x.put("families", r.size());
            x.put("datasets", r.datasets());
            x.put("planted_highest", r.wins());
            x.put("share", r.share().value());
            x.put("lower", r.share().lower());
            x.put("upper", r.share().upper());
            x.put("planted_mean_probability", r.meanProbability());
            x.put("simulations", r.simulations());
            x.put("wall_seconds", r.seconds());
            cells.add(List.of(Integer.toString(r.size()), Integer.toString(r.datasets()), Integer.toString(r.wins()),
                    HtmlReport.fmt(r.share().value()), "[" + HtmlReport.fmt(r.share().lower()) + ", "
                            + HtmlReport.fmt(r.share().upper()) + "]", HtmlReport.fmt(r.meanProbability()),
                    Long.toString(r.simulations()),
                    String.format(java.util.Locale.ROOT, "%.1f", r.seconds())));
        }
        CompeteReport.provenance(summary, spec, p);
        folder.write("summary.json", CompeteReport.json(summary));
        List<String[]> provRows = new ArrayList<>();
        provRows.add(new String[] {"program", "alliancesim " + p.version()});
        provRows.add(new String[] {"command line", "alliancesim " + String.join(" ", p.arguments())});
        provRows.add(new String[] {"started", p.started().toString()});
        provRows.add(new String[] {"finished", p.finished().toString()});
        folder.write("report.html", HtmlReport.page("alliancesim compete --planted " + planted + ": " + source,
                "Data were simulated from " + planted + " at its fitted values as studies of each size (every"
                        + " calibration statistic computed on that many families), and the variants' model"
                        + " probabilities (ABC-SMC model selection) computed from each dataset. The share is the"
                        + " datasets in which " + planted + " had the highest probability.",
                List.of(new HtmlReport.Table("Planted power", List.of("families", "datasets", "planted highest",
                        "share", "95% interval (Clopper-Pearson)", "mean probability of the planted variant",
                        "simulations", "wall seconds"), cells)),
                figures, provRows, CompeteReport.yaml(spec)));
    }
}
