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
}
