package org.alliancesim.scenario;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.alliancesim.model.Bounds;
import org.alliancesim.model.Doc;
import org.alliancesim.model.ParameterException;

/**
 * A hypotheses file for {@code compete} (docs/hypotheses.md): competing variants of one base scenario,
 * each calibrated on the same calibration set with the same budget and common random numbers, then
 * scored on a validation set on seeds the fit never saw.
 *
 * @param base the scenario every variant starts from (built-in name or path)
 * @param targets the calibration set: a targets file or built-in name ({@code literature}); only its
 *     targets are used (its parameters, budget and seed are this file's business)
 * @param validation the validation set: a file or built-in name ({@code validation})
 * @param maxEvaluations the evaluation budget of every variant's fit
 * @param replications replications per evaluation of the objective
 * @param families families per replication, in the fit and in the validation run
 * @param seed seed of every evaluation of every variant's fit (common random numbers)
 * @param validationReplications replications of each variant's validation run
 * @param validationSeed seed of the validation runs; differs from {@code seed}, so no replication
 *     the fits saw is scored
 * @param variants the variants, in the order the file gives them (at least one)
 */
public record HypothesesSpec(
        @Doc("the scenario every variant starts from (built-in name or path)") String base,
        @Doc("the calibration set (targets file or built-in name)") String targets,
        @Doc("the validation set (file or built-in name)") String validation,
        @Doc(value = "evaluation budget of every variant's fit", min = 1, max = 100_000) int maxEvaluations,
        @Doc(value = "replications per evaluation", min = 1, max = 1000) int replications,
        @Doc(value = "families per replication", min = 10, max = 1_000_000) int families,
        @Doc("seed of every evaluation (common random numbers)") long seed,
        @Doc(value = "replications of each validation run", min = 2, max = 100_000) int validationReplications,
        @Doc("seed of the validation runs (not the fit's seed)") long validationSeed,
        @Doc("the competing variants") List<Variant> variants) {

    /**
     * The validation seed when a file gives none: validate's (7300417), which shares no replication
     * with the default fit seed (docs/calibration.md, "Seeds").
     */
    public static final long VALIDATION_SEED = 7_300_417L;

    /** How far the variants' stated prior probabilities may sum from 1 (decimals as written, such as 1/3). */
    public static final double PRIOR_SUM_TOLERANCE = 1e-3;

    /** Each variant's prior probability, normalised: the stated ones, or equal when none is stated. */
    public double[] priorProbabilities() {
        double[] p = new double[variants.size()];
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            Double q = variants.get(i).priorProbability();
            p[i] = q == null ? 1 : q;
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** Validates the fields. */
    public HypothesesSpec {
        for (String[] f : new String[][] {{"base", base}, {"targets", targets}, {"validation", validation}}) {
            if (f[1] == null || f[1].isBlank()) {
                throw new ParameterException(f[0], null, "a built-in name or a path");
            }
        }
        Bounds.checkAll(HypothesesSpec.class, base, targets, validation, maxEvaluations, replications, families, seed,
                validationReplications, validationSeed, variants);
        if (validationSeed == seed) {
            throw new ParameterException("validationSeed", String.valueOf(validationSeed),
                    "a seed other than seed (" + seed + "; the validation scores replications the fit never saw)");
        }
        variants = List.copyOf(variants);
        if (variants.isEmpty()) {
            throw new ParameterException("variants", "an empty list", "a list of at least one variant");
        }
        long stated = variants.stream().filter(v -> v.priorProbability() != null).count();
        if (stated != 0 && stated != variants.size()) {
            throw new ParameterException("variants", stated + " of " + variants.size() + " variants with a"
                    + " prior_probability", "every variant with one, or none (equal prior probabilities)");
        }
        if (stated != 0) {
            double sum = variants.stream().mapToDouble(Variant::priorProbability).sum();
            if (Math.abs(sum - 1) > PRIOR_SUM_TOLERANCE) {
                throw new ParameterException("variants", "prior probabilities summing to " + sum, "prior"
                        + " probabilities summing to 1 (within " + PRIOR_SUM_TOLERANCE + ")");
            }
        }
        Set<String> names = new HashSet<>();
        for (Variant v : variants) {
            if (!names.add(v.name())) {
                throw new ParameterException("variants", "the name '" + v.name() + "' twice", "a different name for"
                        + " each variant (names name their results folders)");
            }
            if (v.fit().size() > maxEvaluations) {
                throw new ParameterException("maxEvaluations", String.valueOf(maxEvaluations), "at least the number"
                        + " of parameters a variant fits (variant " + v.name() + " fits " + v.fit().size() + ")");
            }
        }
    }

    /**
     * One variant: typed edits of the base (any scenario field, such as a rule or a model parameter)
     * and the parameters its fit may move.
     *
     * @param name names the variant in the ranking and its detail folder ({@link Scenario#NAME})
     * @param edits field path (as for --set) to value, applied to the base together
     * @param fit the parameters to fit, each with the range the fit may search (may be empty: a variant
     *     with nothing free is evaluated once)
     * @param priorProbability its prior probability for {@code compete --method abc-smc}, in (0, 1], or
     *     null: either no variant states one (equal prior probabilities) or every variant does and they
     *     sum to 1 (docs/hypotheses.md, "Model probabilities")
     */
    public record Variant(
            @Doc("names the variant in the ranking and its detail folder") String name,
            @Doc("field path (as for --set) to value, applied to the base") Map<String, Object> edits,
            @Doc("the parameters to fit, with ranges") List<CalibrationSpec.Parameter> fit,
            @JsonInclude(JsonInclude.Include.NON_NULL)
            @Doc("prior probability of the variant for compete --method abc-smc, in (0, 1]; all variants or none"
                    + " state one, and they sum to 1") Double priorProbability) {

        /** A variant without a stated prior probability. */
        public Variant(String name, Map<String, Object> edits, List<CalibrationSpec.Parameter> fit) {
            this(name, edits, fit, null);
        }

        /** Validates the fields. */
        public Variant {
            if (priorProbability != null && !(priorProbability > 0 && priorProbability <= 1)) {
                throw new ParameterException("priorProbability", String.valueOf(priorProbability),
                        "a probability in (0, 1] (0 would rule the variant out before any evidence)");
            }
            if (name == null || !Scenario.NAME.matcher(name).matches() || name.length() > Scenario.MAX_NAME_LENGTH
                    || name.contains("..")) {
                throw new ParameterException("name", name == null ? null : "'" + Problem.excerpt(name) + "'", "1 to "
                        + Scenario.MAX_NAME_LENGTH + " letters, digits, '.', '_' or '-', starting with a letter or"
                        + " digit, without '..' (it names the variant's results folder)");
            }
            edits = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(edits));
            fit = List.copyOf(fit);
        }
    }
}
