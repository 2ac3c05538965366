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
}
