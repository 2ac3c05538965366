package org.alliancesim.analysis.classroom;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the {@code style} attributes of a chart's SVG (as JFreeSVG writes them:
 * {@code style='fill:rgb(0,0,0);stroke-width:0.5'}) into SVG presentation attributes
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

    private static final Pattern TAG = Pattern.compile("<[a-zA-Z][^<>]*>");
    private static final Pattern STYLE = Pattern.compile("\\sstyle=(['\"])([^'\"]*)\\1");

    private SvgPresentation() {
    }

    /** The same SVG with no {@code style} attribute left. */
    static String of(String svg) {
        Matcher tags = TAG.matcher(svg);
        StringBuilder out = new StringBuilder(svg.length() + svg.length() / 8);
        while (tags.find()) {
            tags.appendReplacement(out, Matcher.quoteReplacement(rewrite(tags.group())));
        }
        tags.appendTail(out);
        return out.toString();
    }

    private static String rewrite(String tag) {
        Matcher m = STYLE.matcher(tag);
        if (!m.find()) {
            return tag;
        }
        String q = m.group(1);
        String rest = tag.substring(0, m.start()) + tag.substring(m.end());
        StringBuilder attributes = new StringBuilder();
        for (String declaration : m.group(2).split(";")) {
            int colon = declaration.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = declaration.substring(0, colon).strip();
            String value = declaration.substring(colon + 1).strip();
            if (!name.matches("[a-z-]+")) {
                continue;
            }
            // An attribute of the same name would be a duplicate: the style's value replaces it.
            rest = rest.replaceFirst("\\s" + name + "=(['\"])[^'\"]*\\1", "");
            attributes.append(' ').append(name).append('=').append(q).append(value).append(q);
        }
        int end = rest.endsWith("/>") ? rest.length() - 2 : rest.length() - 1;
        return rest.substring(0, end) + attributes + rest.substring(end);
    }
}
