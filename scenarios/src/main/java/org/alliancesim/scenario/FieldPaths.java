package org.alliancesim.scenario;

import org.alliancesim.model.ParameterException;

/** Dotted field paths as shown in messages: {@code dynamics.start.alliance_mean}, {@code families[1].share}. */
final class FieldPaths {

    private FieldPaths() {}

    static String child(String parent, String key) {
        return parent.isEmpty() ? key : parent + "." + key;
    }

    static String index(String parent, int i) {
        return parent + "[" + i + "]";
    }

    /** The group a path is in: {@code families[0]} for {@code families[0].conflict}, {@code ""} at the top. */
    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut < 0 ? "" : path.substring(0, cut);
    }

    /**
     * The path of the field a record refused: {@code record} (the record's own path) and the
     * refusal's {@link ParameterException#field()} in file names, {@code dynamics.start.decision_weight.parent}.
     */
    static String refused(String record, ParameterException e) {
        String path = record;
        for (String part : e.field().split("\\.")) {
            path = child(path, Names.snake(part));
        }
        return path;
    }
}
