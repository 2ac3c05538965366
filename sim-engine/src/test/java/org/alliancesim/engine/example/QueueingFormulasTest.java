package org.alliancesim.engine.example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class QueueingFormulasTest {

    @Test
    void mm1() {
        // lambda 0.8, mu 1: rho 0.8, Wq = 0.8 / 0.2 = 4.
        assertEquals(4.0, QueueingFormulas.mm1Wait(0.8, 1.0), 1e-12);
    }

    @Test
    void erlangCOnTextbookValues() {
        // c = 1: the probability of waiting is rho.
        assertEquals(0.7, QueueingFormulas.erlangC(1, 0.7), 1e-12);
        // c = 2, a = 1 erlang: C = 1/3 (factorial form: (a^2/2!)(1/(1-rho)) / (1 + a + (a^2/2!)/(1-rho))).
        assertEquals(1.0 / 3.0, QueueingFormulas.erlangC(2, 1.0), 1e-12);
        // c = 3, a = 2.7: factorial form evaluated by hand.
        double a = 2.7;
        double top = Math.pow(a, 3) / 6 / (1 - a / 3);
        double expected = top / (1 + a + a * a / 2 + top);
        assertEquals(expected, QueueingFormulas.erlangC(3, a), 1e-12);
    }

    @Test
    void mmcReducesToMm1() {
        assertEquals(QueueingFormulas.mm1Wait(0.5, 1.0), QueueingFormulas.mmcWait(0.5, 1.0, 1), 1e-12);
    }

    @Test
    void md1IsHalfOfMm1() {
        // Pollaczek-Khinchine: deterministic service halves the M/M/1 wait.
        assertEquals(QueueingFormulas.mm1Wait(0.7, 1.0) / 2, QueueingFormulas.md1Wait(0.7, 1.0), 1e-12);
    }

    @Test
    void rejectsUnstableQueues() {
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.mm1Wait(1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.mmcWait(3.0, 1.0, 3));
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.erlangC(0, 0.5));
    }

    // Rates other than 1 (worked by hand): every earlier test had mu = 1, where rate and time coincide.

    @Test
    void mm1AndMd1WithMuOtherThanOne() {
        // lambda 2, mu 5: rho 0.4; M/M/1 Wq = lambda / (mu (mu - lambda)) = 2 / 15.
        assertEquals(2.0 / 15.0, QueueingFormulas.mm1Wait(2.0, 5.0), 1e-12);
        // M/D/1 (Pollaczek-Khinchine): Wq = lambda E[S^2] / (2 (1 - rho)) = 2 (1/25) / 1.2 = 1/15.
        assertEquals(1.0 / 15.0, QueueingFormulas.md1Wait(2.0, 5.0), 1e-12);
    }

    @Test
    void mmcWithMuOtherThanOne() {
        // lambda 3, mu 2.5, c 2: a = 1.2, rho = 0.6. Erlang C (factorial form):
        // (a^2/2!) (c/(c-a)) = 0.72 * 2.5 = 1.8; 1 + a = 2.2; C = 1.8 / (2.2 + 1.8) = 0.45.
        // Wq = C / (c mu - lambda) = 0.45 / 2 = 0.225.
        assertEquals(0.45, QueueingFormulas.erlangC(2, 1.2), 1e-12);
        assertEquals(0.225, QueueingFormulas.mmcWait(3.0, 2.5, 2), 1e-12);
    }

    @Test
    void rejectsEachBadArgumentAtItsBoundary() {
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.erlangC(-1, 0.5)); // c < 1 with rho < 1
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.erlangC(2, 0.0)); // a = 0
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.erlangC(2, -0.5));
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.erlangC(2, 2.0)); // rho = 1
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.erlangC(2, 3.0));
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.mm1Wait(0.0, 1.0)); // lambda = 0
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.mm1Wait(-1.0, 1.0));
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.mm1Wait(1.0, -1.0)); // rho = -1 < 1
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.md1Wait(2.0, 2.0)); // rho = 1
        assertThrows(IllegalArgumentException.class, () -> QueueingFormulas.mmcWait(4.0, 2.0, 2)); // rho = 1
    }
}
