package org.alliancesim.analysis.classroom;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the {@code style} attributes of a chart's SVG (as JFreeSVG writes them:
 * {@code <g style='fill:rgb(0,0,0);stroke-width:0.5'>}, after a space) into SVG presentation attributes
 * ({@code fill='rgb(0,0,0)' stroke-width='0.5'}), which draw the same.
 *
 * <p>Why: the page's Content-Security-Policy has no {@code 'unsafe-inline'} for styles, so a browser
 * ignores every {@code style} attribute of SVG inserted into the page (lines would turn into black
 * filled shapes); presentation attributes are not styles and are not blocked. Every property
 * JFreeSVG writes (fill, stroke and their opacities, widths, caps, joins, dashes, font family, size
 * and weight, shape-rendering) is also a presentation attribute. A property that is already an
 * attribute of the element keeps the style's value, as the style would have won.
 */
final class SvgPresentation {

    private static final Pattern STYLE = Pattern.compile("\\sstyle=(['\"])([^'\"]*)\\1");
    private static final Pattern NAME = Pattern.compile("[a-z-]+");

    private SvgPresentation() {
    }

    /** The same SVG with no {@code style} attribute left. */
    static String of(String svg) {
        StringBuilder out = new StringBuilder(svg.length() + svg.length() / 8);
        int copied = 0;
        for (int at = svg.indexOf(" style=", copied); at >= 0; at = svg.indexOf(" style=", copied)) {
            // The tag around this attribute (attribute values hold no '<' or '>': XML escapes them).
            int open = svg.lastIndexOf('<', at);
            int close = svg.indexOf('>', at);
            if (open < copied || close < 0 || svg.lastIndexOf('>', at) > open) {
                // Not inside a tag (text that happens to read " style="): copied as it is.
                out.append(svg, copied, at + 1);
                copied = at + 1;
                continue;
            }
            out.append(svg, copied, open);
            rewrite(svg.substring(open, close + 1), out);
            copied = close + 1;
        }
        return out.append(svg, copied, svg.length()).toString();
    }

    /** Appends {@code tag} with its style attribute, if it has one, turned into attributes. */
    private static void rewrite(String tag, StringBuilder out) {
        Matcher m = STYLE.matcher(tag);
        if (!m.find()) {
            out.append(tag);
            return;
        }
        char q = tag.charAt(m.start(2) - 1);
        String rest = tag.substring(0, m.start()) + tag.substring(m.end());
        StringBuilder attributes = new StringBuilder();
        for (String declaration : m.group(2).split(";")) {
            int colon = declaration.indexOf(':');
            String name = colon > 0 ? declaration.substring(0, colon).strip() : "";
            if (!NAME.matcher(name).matches()) {
                continue;
            }
            // An attribute of the same name would be a duplicate: the style's value replaces it.
            // (JFreeSVG writes none; the plain search keeps the usual case free of regex work.)
            if (rest.contains(name + "=")) {
                rest = rest.replaceFirst("\\s" + name + "=(['\"])[^'\"]*\\1", "");
            }
            attributes.append(' ').append(name).append('=').append(q).append(declaration.substring(colon + 1).strip())
                    .append(q);
        }
        int end = rest.endsWith("/>") ? rest.length() - 2 : rest.length() - 1;
        out.append(rest, 0, end).append(attributes).append(rest, end, rest.length());
    }
}
