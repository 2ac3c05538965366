package org.alliancesim.analysis.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import org.junit.jupiter.api.Test;

class CsvTest {

    @Test
    void fixedPointWithoutExponentsOrTrailingZeros() {
        assertEquals("0", Csv.num(0.0));
        assertEquals("0", Csv.num(-0.0));
        assertEquals("1.5", Csv.num(1.5));
        assertEquals("-2.25", Csv.num(-2.25));
        assertEquals("0.000001", Csv.num(1e-6));
        assertEquals("0", Csv.num(4e-7), "below the sixth decimal rounds to 0");
        assertEquals("0", Csv.num(-4e-7), "no '-0'");
        assertEquals("123456.789", Csv.num(123456.789));
        assertEquals("0.333333", Csv.num(1.0 / 3));
        assertEquals("", Csv.num(Double.NaN), "missing is empty");
        assertEquals("Inf", Csv.num(Double.POSITIVE_INFINITY));
    }

    @Test
    void textIsQuotedOnlyWhenNeeded() {
        assertEquals("plain", Csv.text("plain"));
        assertEquals("\"a,b\"", Csv.text("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.text("say \"hi\""));
        assertEquals("", Csv.text(null));
    }

    @Test
    void largeNumbersArePlainDecimalsThatReadBackExactly() {
        assertEquals("9000000000000", Csv.num(9e12));
        assertEquals("-9000000000000", Csv.num(-9e12));
        assertEquals("8999999999999.998", Csv.num(Math.nextDown(9e12)), "the digits the double has, no invented ones");
        assertEquals("9000000000000.002", Csv.num(Math.nextUp(9e12)));
        assertEquals("8589934591.999999", Csv.num(Math.nextDown(0x1p33)), "below 2^33: six decimals");
        assertEquals("8589934592", Csv.num(0x1p33));
        assertEquals("12345678901234.5", Csv.num(12345678901234.5));
        assertEquals("100000000000000000000", Csv.num(1e20));
        assertEquals("-179769313486231570" + "0".repeat(291), Csv.num(-Double.MAX_VALUE));
        assertEquals("-Inf", Csv.num(Double.NEGATIVE_INFINITY));
        StringBuilder sb = new StringBuilder("x=");
        assertEquals("x=9000000000000", Csv.append(sb, 9e12).toString(), "append writes the same");
        for (double x : new double[] {0x1p33, Math.nextUp(0x1p33), 1e10 + 0.1, 9e12, Math.nextDown(9e12),
            Math.nextUp(9e12), 1.2345678901234567e15, -4.5e17, 1e20, 2.5e300,
            Double.MAX_VALUE, -Double.MAX_VALUE}) {
            String s = Csv.num(x);
            assertFalse(s.contains("E") || s.contains("e"), s);
            assertEquals(x, Double.parseDouble(s), 0.0, s);
        }
    }

    @Test
    void textWithALineBreakOfAnyKindIsQuoted() {
        assertEquals("\"a\rb\"", Csv.text("a\rb"));
        assertEquals("\"a\r\nb\"", Csv.text("a\r\nb"));
        assertEquals("\"a\nb\"", Csv.text("a\nb"));
        assertEquals("tab\tis fine", Csv.text("tab\tis fine"));
    }

    /** The written number reads back within half a unit of the sixth decimal. Fixed jqwik seed. */
    @Property(tries = 2000, seed = "20261125")
    void readsBackWithinRounding(@ForAll @DoubleRange(min = -1e9, max = 1e9) double x) {
        String s = Csv.num(x);
        assertEquals(x, Double.parseDouble(s), 5.0000001e-7 + Math.ulp(x) * 4, s);
    }
}
