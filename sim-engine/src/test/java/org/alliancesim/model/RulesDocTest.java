package org.alliancesim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/model.md's table of the rules' parameters (section 3.9) lists every component of
 * {@link Rules}, by its scenario path, with its default, its {@link Doc} bounds and the rules that
 * read it ({@link Doc#readBy}).
 */
class RulesDocTest {

    private static final Pattern ROW = Pattern.compile(
            "^\\| (rules\\.[a-z_]+\\.[a-z_]+) \\| ([^|]+) \\| ([^|]+) \\|([^|]*)\\|", Pattern.MULTILINE);
    private static final Pattern RANGE = Pattern.compile("([\\[(])(-?[0-9.]+), (-?[0-9.]+)([\\])])");

    @Test
    void theRulesTableMatchesTheDefaultsAndBounds() throws Exception {
        Map<String, String[]> documented = new LinkedHashMap<>();
        Matcher m = ROW.matcher(Files.readString(ModelDocTest.docPath()));
        while (m.find()) {
            String[] before = documented.put(m.group(1), new String[] {m.group(2).strip(), m.group(3).strip(),
                    m.group(4).strip()});
            assertTrue(before == null, m.group(1) + " has more than one row in docs/model.md");
        }
        Map<String, String> code = new LinkedHashMap<>();
        Rules defaults = Rules.defaults();
        int bounded = 0;
        for (RecordComponent family : Rules.class.getRecordComponents()) {
            Object group = family.getAccessor().invoke(defaults);
            for (RecordComponent c : group.getClass().getRecordComponents()) {
                String path = "rules." + snake(family.getName()) + "." + snake(c.getName());
                Object v = c.getAccessor().invoke(group);
                code.put(path, v instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : String.valueOf(v));
                String[] row = documented.get(path);
                assertTrue(row != null, path + " has no row in docs/model.md 3.9");
                assertEquals(code.get(path), row[0], "default of " + path);
                Doc doc = c.getAnnotation(Doc.class);
                assertEquals(String.join(", ", doc.readBy()), row[2], "rules that read " + path);
                if (c.getType() == double.class || c.getType() == int.class) {
                    Doc d = c.getAnnotation(Doc.class);
                    Matcher r = RANGE.matcher(row[1]);
                    assertTrue(r.matches(), path + ": bounds written as [a, b] or (a, b], found " + row[1]);
                    assertEquals(d.exclusiveMin(), r.group(1).equals("("), path + " lower bound exclusive");
                    assertEquals(d.min(), Double.parseDouble(r.group(2)), path + " lower bound");
                    assertEquals(d.max(), Double.parseDouble(r.group(3)), path + " upper bound");
                    assertEquals(d.exclusiveMax(), r.group(4).equals(")"), path + " upper bound exclusive");
                    bounded++;
                }
            }
        }
        assertEquals(code.keySet(), documented.keySet(), "rows of docs/model.md 3.9 vs Rules");
        assertTrue(bounded >= 9, "bounded parameters checked: " + bounded);
    }

    private static String snake(String camel) {
        return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
    }
}
