package org.alliancesim.scenario;

import java.util.Collection;
import java.util.Locale;

/** Field and value names: Java's camelCase against the files' snake_case, and "did you mean". */
final class Names {

    private Names() {}

    /** {@code holdPerAlliance} to {@code hold_per_alliance}. */
    static String snake(String camel) {
        StringBuilder sb = new StringBuilder();
        for (char c : camel.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('_').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** An enum constant as written in files: {@code OTHER_ADULT} to {@code other_adult}. */
    static String of(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** The closest candidate within a small edit distance, or null. */
    static String suggest(String found, Collection<String> candidates) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        String f = found.toLowerCase(Locale.ROOT).replace('-', '_');
        for (String c : candidates) {
            int d = distance(f, c);
            if (d < bestDistance) {
                best = c;
                bestDistance = d;
            }
        }
        int allowed = Math.max(2, found.length() / 3);
        return bestDistance <= allowed ? best : null;
    }

    /** " (did you mean x?)" or "". */
    static String didYouMean(String found, Collection<String> candidates) {
        String s = suggest(found, candidates);
        return s == null ? "" : " (did you mean '" + s + "'?)";
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
