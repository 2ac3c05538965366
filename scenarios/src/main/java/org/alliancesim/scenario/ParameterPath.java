package org.alliancesim.scenario;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.alliancesim.model.ModelParameters;

/**
 * The address of one field of a scenario, as written in files, {@code --set}, sweep and calibration
 * files: dotted snake_case names, list entries by number ({@code families.1.conflict} or
 * {@code families[1].conflict}), or every entry of a list by {@code *} ({@code therapists[*].warmth}
 * or {@code therapists.*.warmth}).
 *
 * <p>A path with a wildcard stands for the same field in every entry of the list: an edit sets each
 * of them to the value, {@link Scenario#valuesAt} reads each. Which entries exist depends on the
 * scenario, so {@link #expand} turns a wildcard into concrete paths against one scenario, and refuses
 * (located) a wildcard over an empty list or over entries some of which lack what follows it.
 *
 * <p>{@link #parse} checks the path once against the scenario's record types: every name must be a
 * field at its level and every number must follow a list. Whether an index exists depends on a
 * scenario's lists, so {@link Scenario#with(ParameterPath, Object)} checks it. Immutable and
 * thread-safe; two paths are equal when they address the same field.
 */
public final class ParameterPath {

    /** Largest list index a path may name (lists in scenarios are short; this only keeps numbers sane). */
    public static final int MAX_INDEX = 9_999;

    /** The segment that stands for every entry of a list ({@code [*]} or {@code .*}). */
    public enum Wildcard {
        /** Every entry. */
        ALL;

        @Override
        public String toString() {
            return "*";
        }
    }

    private final List<Object> segments;
    private final Type type;
    private final String text;

    private ParameterPath(List<Object> segments, Type type) {
        this.segments = List.copyOf(segments);
        this.type = type;
        StringBuilder sb = new StringBuilder();
        for (Object s : segments) {
            if (s instanceof Integer || s instanceof Wildcard) {
                sb.append('[').append(s).append(']');
            } else {
                sb.append(sb.length() == 0 ? "" : ".").append(s);
            }
        }
        this.text = sb.toString();
    }

    /**
     * Parses and checks a path.
     *
     * @param path for example {@code dynamics.trust.gain} or {@code therapists[0].warmth}
     * @throws ScenarioException naming the path, the part that is wrong and what is allowed there
     */
    public static ParameterPath parse(String path) throws ScenarioException {
        if (path == null || path.isBlank()) {
            throw problem(String.valueOf(path), "", "the path is empty; give one such as run.families");
        }
        String p = path.strip();
        List<Object> segments = new ArrayList<>();
        Type type = Scenario.class;
        StringBuilder done = new StringBuilder();
        for (String part : p.replace("[", ".[").split("\\.", -1)) {
            if (part.isEmpty()) {
                if (done.length() == 0 && p.startsWith("[")) {
                    continue;
                }
                throw problem(p, done.toString(), "empty part in '" + Problem.excerpt(p)
                        + "'; parts are separated by single dots");
            }
            boolean bracketed = part.startsWith("[");
            String token = part;
            if (bracketed) {
                if (!part.endsWith("]")) {
                    throw problem(p, done.toString(), "bad list index '" + Problem.excerpt(part) + "'; write [N] or .N");
                }
                token = part.substring(1, part.length() - 1);
            }
            if (token.equals("*")) {
                if (!(type instanceof ParameterizedType pt && pt.getRawType() == List.class)) {
                    throw problem(p, done.toString(), (done.length() == 0 ? "the scenario" : "'" + done + "'")
                            + " is not a list, so the wildcard * (every entry) does not apply");
                }
                segments.add(Wildcard.ALL);
                done.append("[*]");
                type = pt.getActualTypeArguments()[0];
            } else if (isNumber(token)) {
                if (!(type instanceof ParameterizedType pt && pt.getRawType() == List.class)) {
                    throw problem(p, done.toString(), (done.length() == 0 ? "the scenario" : "'" + done + "'")
                            + " is not a list, so entry " + Problem.excerpt(token) + " does not apply");
                }
                String digits = token.replaceFirst("^0+(?=\\d)", "");
                if (digits.length() > 4 || Integer.parseInt(digits) > MAX_INDEX) {
                    throw problem(p, done.toString(), "list index " + Problem.excerpt(token) + " is too large (at most "
                            + MAX_INDEX + ")");
                }
                int index = Integer.parseInt(digits);
                segments.add(index);
                done.append('[').append(index).append(']');
                type = pt.getActualTypeArguments()[0];
            } else {
                if (bracketed) {
                    throw problem(p, done.toString(), "bad list index '" + Problem.excerpt(part)
                            + "'; expected a whole number from 0, or * for every entry");
                }
                if (type instanceof ParameterizedType pt && pt.getRawType() == List.class) {
                    throw problem(p, done.toString(), token.startsWith("-") && isNumber(token.substring(1))
                            ? "list entries are numbered from 0, found " + Problem.excerpt(token)
                            : "'" + done + "' is a list, so '" + Problem.excerpt(token) + "' does not apply; give an entry"
                                    + " number from 0, for example " + done + "[0]");
                }
                Map<String, Type> fields = fields(type);
                if (fields.isEmpty()) {
                    throw problem(p, done.toString(), "'" + done + "' is a single value, so '"
                            + Problem.excerpt(token) + "' does not apply");
                }
                Type child = fields.get(token);
                String moved = child == null ? RuleCoefficients.moved(done + "." + token) : null;
                if (moved != null) {
                    throw problem(p, done.toString(), "unknown field '" + token + "': " + moved);
                }
                if (child == null) {
                    throw problem(p, done.toString(), "unknown field '" + Problem.excerpt(token) + "'"
                            + Names.didYouMean(token, fields.keySet()) + "; allowed here: "
                            + String.join(", ", fields.keySet()));
                }
                segments.add(token);
                done.append(done.length() == 0 ? "" : ".").append(token);
                type = child;
            }
        }
        return new ParameterPath(segments, type);
    }

    /** The path's parts: field names (String), list indices (Integer) and {@link Wildcard#ALL}, from the top. */
    public List<Object> segments() {
        return segments;
    }

    /** Whether the path has a wildcard, so that it stands for the field in every entry of a list. */
    public boolean hasWildcard() {
        return segments.contains(Wildcard.ALL);
    }

    /**
     * The concrete paths this path stands for in {@code s}: itself when it has no wildcard, else one
     * path per entry, in list order (nested wildcards in row order).
     *
     * @throws ScenarioException located at the wildcard, when a list it covers is empty or an entry
     *     lacks the index that follows it (or an index of a concrete path does not exist)
     */
    public List<ParameterPath> expand(Scenario s) throws ScenarioException {
        if (!hasWildcard()) {
            return List.of(this);
        }
        List<ParameterPath> out = new ArrayList<>();
        expand(s, s, 0, new ArrayList<>(), out);
        return List.copyOf(out);
    }

    private void expand(Scenario s, Object node, int depth, List<Object> done, List<ParameterPath> out)
            throws ScenarioException {
        if (depth == segments.size()) {
            out.add(new ParameterPath(done, type));
            return;
        }
        Object seg = segments.get(depth);
        String at = new ParameterPath(done, type).text;
        if (seg instanceof String name) {
            Object child = node == s && !ScenarioEdits.isExperimentField(name) ? s.model() : node;
            Object value = child == null ? null : ScenarioEdits.component(child, name);
            if (value == null && depth < segments.size() - 1) {
                throw wildcardProblem(at, "'" + name + "' is not set here, so '" + text + "' does not reach it");
            }
            done.add(name);
            expand(s, value, depth + 1, done, out);
            done.remove(done.size() - 1);
            return;
        }
        List<?> list = (List<?>) node;
        if (seg == Wildcard.ALL) {
            if (list.isEmpty()) {
                throw wildcardProblem(at, "'" + at + "' is empty, so the wildcard in '" + text
                        + "' matches no entry");
            }
            for (int i = 0; i < list.size(); i++) {
                done.add(i);
                expand(s, list.get(i), depth + 1, done, out);
                done.remove(done.size() - 1);
            }
            return;
        }
        int i = (Integer) seg;
        if (i >= list.size()) {
            throw wildcardProblem(at, "no entry " + i + "; " + at + " has " + list.size() + " (numbered from 0)"
                    + (segments.subList(0, depth).contains(Wildcard.ALL) ? ", so '" + text + "' does not apply to every"
                            + " entry" : ""));
        }
        done.add(i);
        expand(s, list.get(i), depth + 1, done, out);
        done.remove(done.size() - 1);
    }

    private ScenarioException wildcardProblem(String at, String message) {
        return new ScenarioException(List.of(new Problem("parameter path '" + Problem.excerpt(text) + "'", 0, 0, at,
                message)));
    }

    /**
     * Why setting this path in {@code s} would be ignored, or null: it names a coefficient of a family
     * of rules ({@code rules.attendance.alliance}) that the family's chosen rule in {@code s} does not
     * read (docs/scenarios.md, "Rules").
     */
    public String unreadIn(Scenario s) {
        return RuleCoefficients.unread(s, this);
    }

    /** The Java type of the field the path addresses (for example {@code double.class}). */
    public Type type() {
        return type;
    }

    /**
     * Whether the path is {@code seed} or {@code replications}: how a scenario is run, not the model.
     * A sweep, a hypotheses file and a targets file each set these for every run they make, so none
     * of them may vary, edit or fit them (docs/sweeps.md, docs/hypotheses.md).
     */
    public boolean isRunSetting() {
        return segments.size() == 1 && (segments.get(0).equals("seed") || segments.get(0).equals("replications"));
    }

    /** Whether the field takes whole numbers only (int or long). */
    public boolean isWholeNumber() {
        return type == int.class || type == long.class || type == Integer.class || type == Long.class;
    }

    /**
     * Why a fit (calibration targets, a compete variant) cannot move this field, or null when it can:
     * a fit moves values continuously, so only fields that take fractions can be fitted, and not the
     * run's own settings.
     */
    public String notFittable() {
        if (isRunSetting()) {
            return text + " is how the runs are made, set by the file's own '" + text + ":'; it cannot be fitted";
        }
        if (isWholeNumber()) {
            return text + " takes whole numbers, and a fit moves values continuously; fit a field that takes"
                    + " fractions (such as rules.trust_update.gain_up)";
        }
        return null;
    }

    /** The path in canonical form, {@code families[1].conflict}: what messages and outputs show. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterPath other && other.segments.equals(segments);
    }

    @Override
    public int hashCode() {
        return segments.hashCode();
    }

    /**
     * The fields at a level of the scenario's layout, by their file names, with their types. The
     * top level holds the experiment fields and the model's groups side by side, as files do.
     */
    static Map<String, Type> fields(Type type) {
        Map<String, Type> out = new LinkedHashMap<>();
        if (type == Scenario.class) {
            for (RecordComponent c : Scenario.class.getRecordComponents()) {
                if (!c.getName().equals("model")) {
                    out.put(Names.snake(c.getName()), c.getGenericType());
                }
            }
            type = ModelParameters.class;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            for (RecordComponent rc : c.getRecordComponents()) {
                out.put(Names.snake(rc.getName()), rc.getGenericType());
            }
        }
        return out;
    }

    private static boolean isNumber(String s) {
        return !s.isEmpty() && s.chars().allMatch(ch -> ch >= '0' && ch <= '9');
    }

    private static ScenarioException problem(String path, String at, String message) {
        return new ScenarioException(List.of(new Problem("parameter path '" + Problem.excerpt(path) + "'", 0, 0, at,
                message)));
    }
}
