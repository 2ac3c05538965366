package org.alliancesim.analysis.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.alliancesim.analysis.calibration.Calibration;
import org.alliancesim.analysis.charts.ChartFiles;
import org.alliancesim.analysis.charts.ChartTable;
import org.alliancesim.analysis.charts.CornerPlot;
import org.alliancesim.analysis.experiment.Csv;
import org.alliancesim.analysis.inference.AbcSmc;
import org.alliancesim.analysis.inference.Population;
import org.alliancesim.analysis.inference.PosteriorSummary;
import org.alliancesim.analysis.inference.Prior;
import org.alliancesim.scenario.CalibrationSpec;
import org.alliancesim.scenario.Scenario;
import org.alliancesim.scenario.ScenarioException;
import org.alliancesim.scenario.ScenarioLoader;

/**
 * Files of {@code calibrate --method abc-smc} (docs/outputs.md): posterior.csv (the final
 * population), posterior-summary.csv, generations.csv, fitted.yaml (the base at the posterior
 * medians), the corner plot (PNG, SVG and its CSV), summary.json and report.html.
 */
public final class AbcSmcReport {

    public static final List<String> FILES = List.of("posterior.csv", "posterior-summary.csv", "generations.csv",
            "fitted.yaml", "summary.json", "report.html", "charts/corner.png", "charts/corner.svg", "charts/corner.csv");

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private AbcSmcReport() {}

    /** posterior.csv: generation, particle, weight, then each parameter's value, one row per particle. */
    public static String posteriorCsv(CalibrationSpec spec, AbcSmc.State state) {
        Population p = state.population();
        int generation = state.generations().size() - 1;
        StringBuilder sb = new StringBuilder("generation,particle,weight");
        spec.parameters().forEach(q -> sb.append(',').append(q.path()));
        sb.append('\n');
        for (int i = 0; i < p.size(); i++) {
            sb.append(generation).append(',').append(i).append(',').append(Csv.num(p.weight(i)));
            for (int j = 0; j < p.dimension(); j++) {
                sb.append(',').append(Csv.num(p.value(i, j)));
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /** posterior-summary.csv: parameter, mean, sd, median, q2.5, q97.5, ess. */
    public static String summaryCsv(PosteriorSummary s) {
        StringBuilder sb = new StringBuilder("parameter,mean,sd,median,q2.5,q97.5,ess\n");
        for (PosteriorSummary.Row r : s.rows()) {
            sb.append(Csv.text(r.parameter())).append(',').append(Csv.num(r.mean())).append(',').append(Csv.num(r.sd()))
                    .append(',').append(Csv.num(r.median())).append(',').append(Csv.num(r.q025())).append(',')
                    .append(Csv.num(r.q975())).append(',').append(Csv.num(r.ess())).append('\n');
        }
        return sb.toString();
    }

    /** generations.csv: generation, tolerance, acceptance_rate, ess, simulations, wall_seconds. */
    public static String generationsCsv(AbcSmc.State state) {
        StringBuilder sb = new StringBuilder("generation,tolerance,acceptance_rate,ess,simulations,wall_seconds\n");
        for (AbcSmc.Generation g : state.generations()) {
            sb.append(g.index()).append(',').append(Csv.num(g.tolerance())).append(',').append(Csv.num(g.acceptanceRate()))
                    .append(',').append(Csv.num(g.ess())).append(',').append(g.simulations()).append(',')
                    .append(Csv.num(g.wallSeconds())).append('\n');
        }
        return sb.toString();
    }

    /** The corner plot's data: the final population over the priors' bounds, with the priors' mass per bin. */
    public static ChartTable corner(CalibrationSpec spec, Prior prior, Population p) {
        int d = p.dimension();
        double[] lo = new double[d];
        double[] hi = new double[d];
        double[][] priorMass = new double[d][CornerPlot.DIAGONAL_BINS];
        List<String> names = new ArrayList<>();
        for (int j = 0; j < d; j++) {
            names.add(spec.parameters().get(j).path());
            lo[j] = prior.marginal(j).lower();
            hi[j] = prior.marginal(j).upper();
            for (int b = 0; b < CornerPlot.DIAGONAL_BINS; b++) {
                double a = lo[j] + (hi[j] - lo[j]) * b / CornerPlot.DIAGONAL_BINS;
                double e = b + 1 == CornerPlot.DIAGONAL_BINS ? hi[j] : lo[j] + (hi[j] - lo[j]) * (b + 1)
                        / CornerPlot.DIAGONAL_BINS;
                priorMass[j][b] = prior.marginal(j).probability(a, e);
            }
        }
        double[][] particles = new double[p.size()][];
        for (int i = 0; i < p.size(); i++) {
            particles[i] = p.particle(i);
        }
        return CornerPlot.table(names, lo, hi, particles, p.weights(), priorMass);
    }

    /** Writes every file of an ABC-SMC calibration into {@code folder}. */
    public static void write(ResultsFolder folder, Calibration calibration, Prior prior, String targetsName,
            Scenario start, List<String> startEdits, AbcSmc.Settings settings, AbcSmc.State state,
            PosteriorSummary summary, Scenario fitted, Provenance p) throws IOException, ScenarioException {
        CalibrationSpec spec = calibration.spec();
        Population pop = state.population();
        AbcSmc.Generation last = state.generations().get(state.generations().size() - 1);
        folder.write("posterior.csv", posteriorCsv(spec, state));
        folder.write("posterior-summary.csv", summaryCsv(summary));
        folder.write("generations.csv", generationsCsv(state));
        String description = "ABC-SMC posterior median, " + state.generations().size() + " generations, "
                + state.simulations() + " simulations";
        folder.write("fitted.yaml", CalibrationReport.fittedYaml(calibration, fitted, targetsName, description,
                "# Each parameter at its ABC-SMC posterior median (posterior-summary.csv); the whole posterior is"
                        + " posterior.csv.\n", start, startEdits));
        String subtitle = targetsName + " on " + spec.base() + ": " + pop.size() + " particles, generation "
                + last.index() + ", ESS " + Math.round(pop.ess()) + ", " + state.simulations() + " simulations of "
                + spec.replications() + " x " + spec.families() + " families, seed " + spec.seed();
        ChartTable corner = corner(spec, prior, pop);
        ChartFiles.Rendered r = CornerPlot.render(corner, "Posterior of " + spec.parameters().size() + " parameters",
                subtitle, "corner");
        folder.write("charts/corner.csv", corner.csv());
        folder.write("charts/corner.png", r.png());
        folder.write("charts/corner.svg", r.svgDocument());
        List<HtmlReport.Figure> figures = List.of(new HtmlReport.Figure("Posterior corner plot",
                "Diagonal: each parameter's weighted posterior histogram over its prior bounds (the axis spans"
                        + " them), the prior's mass per bin dashed. Below: each pair's weighted 2-D histogram,"
                        + " darker where more posterior mass lies. A marginal as wide as its prior is not pinned"
                        + " down by the targets.", r.svgElement()));

        ObjectNode root = NODES.objectNode();
        root.put("targets", targetsName);
        root.put("base", spec.base());
        root.put("method", "abc-smc");
        ObjectNode set = root.putObject("settings");
        set.put("population", settings.populationSize());
        set.put("alpha", settings.alpha());
        set.put("min_acceptance_rate", settings.minAcceptanceRate());
        set.put("final_tolerance", settings.finalTolerance());
        set.put("max_simulations", settings.maxSimulations());
        set.put("max_generations", settings.maxGenerations());
        set.put("adaptive_distance", settings.adaptiveDistance());
        set.put("seed", settings.seed());
        set.put("replications_per_simulation", spec.replications());
        set.put("families_per_replication", spec.families());
        root.put("generations", state.generations().size());
        root.put("simulations", state.simulations());
        root.put("stop_reason", state.stopReason());
        root.put("tolerance", last.tolerance());
        root.put("ess", pop.ess());
        ArrayNode observed = root.putArray("observed");
        for (CalibrationSpec.Target t : spec.targets()) {
            observed.addObject().put("statistic", t.statistic()).put("target", t.target()).put("min", t.min())
                    .put("max", t.max());
        }
        ObjectNode post = root.putObject("posterior");
        for (int j = 0; j < summary.rows().size(); j++) {
            PosteriorSummary.Row row = summary.rows().get(j);
            ObjectNode o = post.putObject(row.parameter());
            o.put("prior", prior.marginal(j).toString());
            o.put("mean", row.mean());
            o.put("sd", row.sd());
            o.put("median", row.median());
            o.put("q2.5", row.q025());
            o.put("q97.5", row.q975());
            o.put("ess", row.ess());
        }
        root.set("provenance", RunReport.provenanceNode(fitted, p));
        folder.write("summary.json", JSON.writeValueAsString(root) + "\n");

        List<List<String>> rows = new ArrayList<>();
        for (int j = 0; j < summary.rows().size(); j++) {
            PosteriorSummary.Row row = summary.rows().get(j);
            rows.add(List.of(row.parameter(), prior.marginal(j).toString(), HtmlReport.fmt(row.mean()),
                    HtmlReport.fmt(row.sd()), HtmlReport.fmt(row.median()),
                    "[" + HtmlReport.fmt(row.q025()) + ", " + HtmlReport.fmt(row.q975()) + "]"));
        }
        List<List<String>> gens = new ArrayList<>();
        for (AbcSmc.Generation g : state.generations()) {
            gens.add(List.of(String.valueOf(g.index()), HtmlReport.fmt(g.tolerance()), HtmlReport.fmt(g.acceptanceRate()),
                    HtmlReport.fmt(g.ess()), String.valueOf(g.simulations()), HtmlReport.fmt(g.wallSeconds())));
        }
        List<String[]> provenance = new ArrayList<>();
        provenance.add(new String[] {"seed (keys every simulation's streams)", String.valueOf(settings.seed())});
        provenance.add(new String[] {"stopped", state.stopReason()});
        provenance.add(new String[] {"program version", p.version()});
        provenance.add(new String[] {"command line", String.join(" ", p.arguments())});
        folder.write("report.html", HtmlReport.page("alliancesim calibrate --method abc-smc: " + targetsName,
                "Approximate Bayesian computation by sequential Monte Carlo on " + spec.base() + ": "
                        + pop.size() + " particles after " + state.generations().size() + " generations and "
                        + state.simulations() + " simulations (" + state.stopReason() + "). fitted.yaml sets each"
                        + " parameter to its posterior median.",
                List.of(new HtmlReport.Table("Posterior", List.of("parameter", "prior", "mean", "sd", "median",
                        "95% credible interval"), rows), new HtmlReport.Table("Generations", List.of("generation",
                        "tolerance", "acceptance rate", "ESS", "simulations", "wall seconds"), gens)),
                figures, provenance, ScenarioLoader.toYaml(fitted)));
    }
}
