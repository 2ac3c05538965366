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
 * from), and adds it, inline, to a report's figures as an SVG element. A chart drawn from more than
 * {@link #SVG_MAX_ROWS} rows of data is written as PNG only and shown in the page by its PNG, so
 * that a report's memory and its page's size stay bounded whatever the number of points
 * (docs/outputs.md).
 */
final class Figures {

    /**
     * The most rows of chart data (points of a scatter plot) a chart may have to be drawn as SVG
     * (charts/NAME.svg and inline in the page); a larger chart is written as charts/NAME.png only
     * and shown in the page by that PNG (a data URI). A scatter plot of 10,000 points with their
     * intervals is about 21 MB of SVG, built in memory by the SVG library; its PNG about 100 KB.
     */
    static final int SVG_MAX_ROWS = 2000;

    /** Where a report's files go: a name relative to its folder ({@code charts/x.png}) and the bytes. */
    @FunctionalInterface
    interface FileSink {
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

    static void add(FileSink sink, List<HtmlReport.Figure> figures, String file, String title, String caption,
            JFreeChart chart, ChartTable data) throws IOException {
        write(sink, figures, file, title, caption, data, ChartFiles.render(chart, file, drawsSvg(data)));
    }

    /** Whether a chart drawn from {@code data} is drawn as SVG (else as PNG only). */
    static boolean drawsSvg(ChartTable data) {
        return data.rows().size() <= SVG_MAX_ROWS;
    }

    private static void write(FileSink sink, List<HtmlReport.Figure> figures, String file, String title, String caption,
            ChartTable data, ChartFiles.Rendered r) throws IOException {
        sink.write("charts/" + file + ".csv", data.csv().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sink.write("charts/" + file + ".png", r.png());
        if (r.svgDocument() != null) {
            sink.write("charts/" + file + ".svg", r.svgDocument().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        figures.add(new HtmlReport.Figure(title, caption,
                r.svgElement() != null ? r.svgElement() : pngElement(r.png(), title)));
    }

    /** An {@code <img>} showing PNG bytes as a data URI, as wide as the page (like an inline SVG). */
    static String pngElement(byte[] png, String title) {
        return "<img src=\"data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(png)
                + "\" alt=\"" + HtmlReport.esc(title) + "\" width=\"" + ChartFiles.WIDTH + "\" height=\""
                + ChartFiles.HEIGHT + "\" style=\"width:100%;height:auto;border:1px solid #eee\">";
    }

    /**
     * Charts of one report, queued in page order, rendered together on up to {@code threads}
     * threads (each chart on one thread; charts share no state), then written and added to the
     * figures in the order queued, on the calling thread: the same files and page as adding them one
     * by one, with the rendering (most of a report's time) spread over the cores. At most
     * {@code threads} charts are rendered ahead of the one being written, so the memory a batch
     * holds is a few charts', not all of them.
     */
    static final class Batch {

        private record Queued(FileSink sink, String file, String title, String caption, JFreeChart chart,
                ChartTable data) {}

        private final int threads;
        private final List<Queued> queued = new ArrayList<>();

        Batch(int threads) {
            this.threads = Math.max(1, threads);
        }

        void add(FileSink sink, String file, String title, String caption, JFreeChart chart, ChartTable data) {
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
                for (int i = 0; i < queued.size(); i++) {
                    // Keep up to n renderings in flight: this one and the n - 1 after it.
                    while (pool != null && rendered.size() < Math.min(queued.size(), i + n)) {
                        Queued next = queued.get(rendered.size());
                        rendered.add(pool.submit(() -> render(next)));
                    }
                    Queued q = queued.get(i);
                    ChartFiles.Rendered r = pool == null ? render(q) : done(rendered.get(i));
                    if (pool != null) {
                        rendered.set(i, null);
                    }
                    write(q.sink(), figures, q.file(), q.title(), q.caption(), q.data(), r);
                }
                queued.clear();
            } finally {
                if (pool != null) {
                    pool.shutdownNow();
                }
            }
        }

        private static ChartFiles.Rendered render(Queued q) throws IOException {
            return ChartFiles.render(q.chart(), q.file(), drawsSvg(q.data()));
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
