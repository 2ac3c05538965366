package org.alliancesim.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The calendar against a reference model (a sorted map keyed by (time, insertion number)) under
 * random sequences of schedule, cancel, reschedule and fire.
 */
class EventCalendarPropertiesTest {

    /** One operation: kind 0-4 = schedule, 5 = cancel, 6 = reschedule, 7-8 = fire next. */
    record Op(int kind, int time, int pick) {}

    @Provide
    Arbitrary<List<Op>> programs() {
        // Times from a small range so that ties are frequent.
        Arbitrary<Op> op = net.jqwik.api.Combinators.combine(
                Arbitraries.integers().between(0, 8),
                Arbitraries.integers().between(0, 20),
                Arbitraries.integers().between(0, 1000)).as(Op::new);
        return op.list().ofMaxSize(400);
    }

    private record Key(double time, long seq) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            int c = Double.compare(time, o.time);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    @Property(tries = 300, seed = "20261125")
    void firesInTheSameOrderAsTheReferenceModel(@ForAll("programs") List<Op> program) {
        Simulation sim = new Simulation(1);
        List<Integer> fired = new ArrayList<>();
        Event record = (s, arg) -> fired.add(arg);

        TreeMap<Key, Integer> model = new TreeMap<>();
        Map<Integer, Key> keyOfId = new HashMap<>();
        Map<Integer, Long> handleOfId = new HashMap<>();
        List<Integer> expected = new ArrayList<>();
        List<Long> staleHandles = new ArrayList<>();
        long seq = 0;
        int nextId = 0;

        for (Op op : program) {
            double now = sim.now();
            if (op.kind() <= 4) {
                int id = nextId++;
                double t = now + op.time();
                handleOfId.put(id, sim.scheduleAt(t, record, id));
                Key k = new Key(t, seq++);
                model.put(k, id);
                keyOfId.put(id, k);
            } else if (op.kind() == 5 || op.kind() == 6) {
                if (keyOfId.isEmpty()) {
                    if (!staleHandles.isEmpty()) {
                        long stale = staleHandles.get(op.pick() % staleHandles.size());
                        assertEquals(false, sim.cancel(stale), "stale handle must not cancel");
                    }
                    continue;
                }
                List<Integer> ids = new ArrayList<>(keyOfId.keySet());
                ids.sort(null);
                int id = ids.get(op.pick() % ids.size());
                long h = handleOfId.get(id);
                model.remove(keyOfId.get(id));
                if (op.kind() == 5) {
                    assertEquals(true, sim.cancel(h));
                    keyOfId.remove(id);
                    handleOfId.remove(id);
                    staleHandles.add(h);
                } else {
                    double t = now + op.time();
                    assertEquals(true, sim.reschedule(h, t));
                    Key k = new Key(t, seq++);
                    model.put(k, id);
                    keyOfId.put(id, k);
                }
            } else if (!model.isEmpty()) {
                Map.Entry<Key, Integer> next = model.pollFirstEntry();
                expected.add(next.getValue());
                keyOfId.remove(next.getValue());
                staleHandles.add(handleOfId.remove(next.getValue()));
                sim.runUntil(() -> true); // fire exactly one event
                assertEquals(next.getKey().time(), sim.now());
            }
            assertEquals(model.size(), sim.pending());
        }
        while (!model.isEmpty()) {
            expected.add(model.pollFirstEntry().getValue());
        }
        sim.run();
        assertEquals(expected, fired);
    }
}
