package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** docs/model.md's parameter table must list every dynamics parameter with its default. */
class ModelDocTest {

    private static final Pattern ROW = Pattern.compile("^\\| ([a-z]+\\.[A-Za-z]+) \\| ([^|]+) \\|", Pattern.MULTILINE);

    @Test
    void parameterTableMatchesTheDefaults() throws Exception {
        Map<String, String> code = new LinkedHashMap<>();
        flatten("", Dynamics.defaults(), code);
        String doc = Files.readString(docPath());
        Map<String, String> documented = new LinkedHashMap<>();
        Matcher m = ROW.matcher(doc);
        while (m.find()) {
            String before = documented.put(m.group(1), m.group(2).strip());
            assertTrue(before == null, m.group(1) + " has more than one row in docs/model.md");
        }
        // Not a vacuous match of two empty lists: every group of Dynamics is there, with its
        // parameters (74 when this was written; the model only grows), each a leaf value.
        for (RecordComponent group : Dynamics.class.getRecordComponents()) {
            assertTrue(code.keySet().stream().anyMatch(k -> k.startsWith(group.getName() + ".")), group.getName());
        }
        assertTrue(code.size() >= 70, "parameters found in Dynamics: " + code.size());
        assertEquals(fmt(Dynamics.defaults().trust().bondPerSupport()), code.get("trust.bondPerSupport"));
        assertTrue(code.values().stream().allMatch(v -> v.matches("-?\\d.*")), code.toString());
        assertEquals(new TreeSet<>(code.keySet()), new TreeSet<>(documented.keySet()),
                "parameters in docs/model.md vs Dynamics");
        for (Map.Entry<String, String> e : code.entrySet()) {
            assertEquals(e.getValue(), documented.get(e.getKey()), "default of " + e.getKey());
        }
    }

    /** docs/model.md, found above the working directory (the module or the repository root). */
    static Path docPath() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path doc = p.resolve("docs/model.md");
            if (Files.exists(doc)) {
                return doc;
            }
        }
        throw new AssertionError("docs/model.md not found above " + Path.of("").toAbsolutePath());
    }

    private static void flatten(String prefix, Object o, Map<String, String> out) throws Exception {
        for (RecordComponent c : o.getClass().getRecordComponents()) {
            Object v = c.getAccessor().invoke(o);
            if (v instanceof RoleValues r) {
                out.put(prefix + c.getName(), fmt(r.parent()) + " / " + fmt(r.adolescent()) + " / "
                        + fmt(r.child()) + " / " + fmt(r.otherAdult()));
            } else if (v.getClass().isRecord()) {
                flatten(prefix + c.getName() + ".", v, out);
            } else {
                out.put(prefix + c.getName(), v instanceof Double d ? fmt(d) : String.valueOf(v));
            }
        }
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%s", d);
    }
}
