package org.alliancesim.analysis.charts;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.Locale;
import org.jfree.chart.axis.NumberAxis;

/**
 * Tick labels of a number axis in {@link Locale#ROOT} (a dot for decimals, no grouping), whatever
 * the JVM's locale, with as many decimals as the axis's current tick size needs: ticks 0.5 apart
 * read 0.0, 0.5, 1.0; ticks 2 apart read 0, 2, 4. JFreeChart's own tick formats follow the
 * default locale, so charts would differ between machines.
 */
final class TickFormat extends NumberFormat {

    private static final long serialVersionUID = 1L;

    private final transient NumberAxis axis;

    private TickFormat(NumberAxis axis) {
        this.axis = axis;
    }

    /** Sets locale-independent tick labels on {@code axis}; returns it. */
    static NumberAxis apply(NumberAxis axis) {
        axis.setNumberFormatOverride(new TickFormat(axis));
        return axis;
    }

    /** A fixed pattern in {@link Locale#ROOT}, for axes whose ticks are not evenly spaced (log axes). */
    static NumberFormat pattern(String pattern) {
        return new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** Decimals that show ticks {@code size} apart (tick sizes are 1, 2 or 5 times a power of ten). */
    static int decimals(double size) {
        if (!(size > 0) || Double.isInfinite(size)) {
            return 0;
        }
        return (int) Math.max(0, Math.ceil(-Math.log10(size) - 1e-9));
    }

    @Override
    public StringBuffer format(double value, StringBuffer to, FieldPosition pos) {
        int d = decimals(axis.getTickUnit().getSize());
        // 0.0 rather than -0.0 where a tick's arithmetic lands just below zero.
        double v = value == 0 ? 0.0 : value;
        String s = String.format(Locale.ROOT, "%." + d + "f", v);
        return to.append(s.matches("-0(\\.0*)?") ? s.substring(1) : s);
    }

    @Override
    public StringBuffer format(long value, StringBuffer to, FieldPosition pos) {
        return format((double) value, to, pos);
    }

    @Override
    public Number parse(String source, ParsePosition pos) {
        throw new UnsupportedOperationException("tick labels are only written");
    }
}
