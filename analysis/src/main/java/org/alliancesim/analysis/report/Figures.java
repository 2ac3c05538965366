package org.alliancesim.analysis.report;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.alliancesim.analysis.charts.ChartFiles;
import org.alliancesim.analysis.charts.ChartTable;
import org.jfree.chart.JFreeChart;

/**
 * Writes a chart as charts/NAME.png and .svg, its data as charts/NAME.csv (the table it was drawn
 * from), and adds it, inline, to a report's figures.
 */
final class Figures {

    /** Where a report's files go: a name relative to its folder ({@code charts/x.png}) and the bytes. */
    @FunctionalInterface
    interface Sink {
        void write(String name, byte[] bytes) throws IOException;
    }

    private Figures() {}

    /** {@code files} and, for each chart name, charts/NAME.png, .svg and .csv (the files a use case may write). */
    static List<String> withCharts(List<String> files, String... charts) {
        List<String> out = new java.util.ArrayList<>(files);
        for (String c : charts) {
            for (String ext : new String[] {".png", ".svg", ".csv"}) {
                out.add("charts/" + c + ext);
            }
        }
        return List.copyOf(out);
    }

    static void add(ResultsFolder folder, List<HtmlReport.Figure> figures, String file, String title, String caption,
            JFreeChart chart, ChartTable data) throws IOException {
        add(folder::write, figures, file, title, caption, chart, data);
    }

    static void add(Sink sink, List<HtmlReport.Figure> figures, String file, String title, String caption,
            JFreeChart chart, ChartTable data) throws IOException {
        write(sink, figures, file, title, caption, data, ChartFiles.render(chart, file));
    }

    private static void write(Sink sink, List<HtmlReport.Figure> figures, String file, String title, String caption,
            ChartTable data, ChartFiles.Rendered r) throws IOException {
        sink.write("charts/" + file + ".csv", data.csv().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sink.write("charts/" + file + ".png", r.png());
        sink.write("charts/" + file + ".svg", r.svgDocument().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        figures.add(new HtmlReport.Figure(title, caption, r.svgElement()));
    }

    /**
     * Charts of one report, queued in page order, rendered together on up to {@code threads}
     * threads (each chart on one thread; charts share no state), then written and added to the
     * figures in the order queued, on the calling thread: the same files and page as adding them one
     * by one, with the rendering (most of a report's time) spread over the cores.
     */
    static final class Batch {

        private record Queued(Sink sink, String file, String title, String caption, JFreeChart chart,
                ChartTable data) {}

        private final int threads;
        private final List<Queued> queued = new ArrayList<>();

        Batch(int threads) {
            this.threads = Math.max(1, threads);
        }

        void add(Sink sink, String file, String title, String caption, JFreeChart chart, ChartTable data) {
            queued.add(new Queued(sink, file, title, caption, chart, data));
        }

        /** Renders the queued charts, writes their files and adds them to {@code figures}, in order. */
        void writeInto(List<HtmlReport.Figure> figures) throws IOException {
            int n = Math.min(threads, queued.size());
            ExecutorService pool = n <= 1 ? null : Executors.newFixedThreadPool(n, r -> {
                Thread t = new Thread(r, "chart");
                t.setDaemon(true);
                return t;
            });
            try {
                List<Future<ChartFiles.Rendered>> rendered = new ArrayList<>();
                if (pool != null) {
                    for (Queued q : queued) {
                        rendered.add(pool.submit(() -> ChartFiles.render(q.chart(), q.file())));
                    }
                }
                for (int i = 0; i < queued.size(); i++) {
                    Queued q = queued.get(i);
                    ChartFiles.Rendered r = pool == null ? ChartFiles.render(q.chart(), q.file()) : done(rendered.get(i));
                    write(q.sink(), figures, q.file(), q.title(), q.caption(), q.data(), r);
                }
                queued.clear();
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        }

        private static ChartFiles.Rendered done(Future<ChartFiles.Rendered> f) throws IOException {
            try {
                return f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted while rendering charts");
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw io;
                }
                if (e.getCause() instanceof RuntimeException re) {
                    throw re;
                }
                throw new IllegalStateException(e.getCause());
            }
        }
    }
}
