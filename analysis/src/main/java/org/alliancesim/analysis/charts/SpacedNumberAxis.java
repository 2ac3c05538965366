package org.alliancesim.analysis.charts;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnit;
import org.jfree.chart.axis.TickUnitSource;
import org.jfree.chart.ui.RectangleEdge;

/**
 * A number axis whose automatic tick unit leaves at least {@link #MIN_GAP_VERTICAL} (or
 * {@link #MIN_GAP_HORIZONTAL}) pixels between ticks. JFreeChart's own choice is the smallest unit
 * of the standard tick units whose labels do not overlap, which on a 460-pixel axis from 0 to 1
 * is 0.05 (21 ticks); here the unit grows along the same standard units (1, 2, 5 times a power of
 * ten, or whole numbers) until the ticks are that far apart on the axis as drawn, so the density
 * follows the axis length: a tall chart gets more ticks than a short one.
 */
final class SpacedNumberAxis extends NumberAxis {

    private static final long serialVersionUID = 1L;

    /** Least distance between ticks on a vertical axis, in pixels (Java2D units). */
    static final double MIN_GAP_VERTICAL = 40;
    /** Least distance between ticks on a horizontal axis, in pixels (Java2D units). */
    static final double MIN_GAP_HORIZONTAL = 55;

    SpacedNumberAxis(String label) {
        super(label);
    }

    @Override
    protected void selectAutoTickUnit(Graphics2D g2, Rectangle2D dataArea, RectangleEdge edge) {
        super.selectAutoTickUnit(g2, dataArea, edge);
        double gap = RectangleEdge.isTopOrBottom(edge) ? MIN_GAP_HORIZONTAL : MIN_GAP_VERTICAL;
        double axisLength = RectangleEdge.isTopOrBottom(edge) ? dataArea.getWidth() : dataArea.getHeight();
        double size = widen(getTickUnit().getSize(), getStandardTickUnits(), getRange().getLength(), axisLength, gap);
        if (size != getTickUnit().getSize()) {
            setTickUnit(new NumberTickUnit(size), false, false);
        }
    }

    /**
     * The smallest unit of {@code units}, at least {@code size}, whose ticks lie at least {@code gap}
     * pixels apart when {@code range} (data units) is drawn over {@code axisLength} pixels; the
     * largest unit the source has when none is enough.
     */
    static double widen(double size, TickUnitSource units, double range, double axisLength, double gap) {
        if (!(range > 0) || !(axisLength > 0)) {
            return size;
        }
        double pixelsPerUnit = axisLength / range;
        TickUnit unit = units.getCeilingTickUnit(size);
        while (unit.getSize() * pixelsPerUnit < gap) {
            TickUnit larger = units.getLargerTickUnit(unit);
            if (larger.getSize() <= unit.getSize()) {
                break;
            }
            unit = larger;
        }
        return Math.max(size, unit.getSize());
    }
}
