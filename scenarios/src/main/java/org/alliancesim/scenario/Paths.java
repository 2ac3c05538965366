package org.alliancesim.scenario;

/** Dotted field paths as shown in messages: {@code dynamics.start.alliance_mean}, {@code families[1].share}. */
final class Paths {

    private Paths() {}

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
}
