package org.alliancesim.cli;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.URI;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.alliancesim.analysis.classroom.ClassroomServer;
import org.alliancesim.analysis.classroom.Lessons;
import org.alliancesim.scenario.LessonSpec;
import org.alliancesim.scenario.Problem;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code alliancesim classroom}: the live teaching page. */
@Command(name = "classroom",
        mixinStandardHelpOptions = true,
        usageHelpAutoWidth = true,
        header = "Start the classroom page: presets, sliders and live charts, and one family's story.",
        description = {"Serves a page on this machine (127.0.0.1 by default) that re-runs a quick simulation"
                + " whenever a control moves. Works offline. Stop it with Ctrl-C.", ""},
        footer = {"", "Exit codes: 0 stopped, 2 bad option (for example a port in use), 1 internal error."})
final class ClassroomCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "P", description = "Port (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port = 7070;

    @Option(names = {"--host", "--bind"}, paramLabel = "H", description = "Address to listen on (default: ${DEFAULT-VALUE})."
            + " The page answers only to requests addressed to 127.0.0.1, localhost, [::1] or this address"
            + " (0.0.0.0: this machine's addresses), on its port.")
    String host = "127.0.0.1";

    @Option(names = "--open", description = "Open the page in the default browser.")
    boolean open;

    @Option(names = "--lesson", paramLabel = "FILE", description = "A lesson file (YAML, docs/classroom.md \"Lessons\"),"
            + " offered beside the built-in lessons at /lesson; checked first: a bad file is refused with every"
            + " problem located (exit code 2).")
    java.nio.file.Path lesson;

    @Option(names = "--class", description = "A class that plays together: students join from their browsers with"
            + " the printed code and a nickname; the teacher's dashboard is at the printed teacher's address."
            + " Give --bind with an address the students can reach (the default 127.0.0.1 is this machine only).")
    boolean classMode;

    @Option(names = "--max-students", paramLabel = "N", description = "With --class: most students who may join"
            + " (default: ${DEFAULT-VALUE}).")
    int maxStudents = 60;

    @Override
    public Integer call() throws Exception {
        if (port < 0 || port > 65535) {
            throw new BadInputException("--port must be from 0 to 65535, was " + port);
        }
        if (host == null || host.isBlank()) {
            throw new BadInputException("--host must be an address such as 127.0.0.1, ::1 or 0.0.0.0, was '"
                    + Problem.shown(String.valueOf(host)) + "'");
        }
        PrintWriter err = spec.commandLine().getErr();
        if (maxStudents < 1 || maxStudents > 1000) {
            throw new BadInputException("--max-students must be from 1 to 1000, was " + maxStudents);
        }
        java.util.Map.Entry<String, LessonSpec> lessonEntry = null;
        if (lesson != null) {
            // Checked before anything listens: a bad lesson file exits 2 with its problems located.
            lessonEntry = java.util.Map.entry(Lessons.nameOf(lesson), Lessons.load(lesson));
        }
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (java.net.UnknownHostException e) {
            throw new BadInputException("--host " + Problem.shown(host) + ": unknown address");
        }
        if (!address.isLoopbackAddress()) {
            err.println("warning: --host " + Problem.shown(host) + " makes the page reachable from other machines; it has no"
                    + " login and runs simulations for anyone who can reach it");
        }
        ClassroomServer server;
        String joinCode = null;
        String teacherKey = null;
        try {
            if (port != 0) {
                tryBind(address, port);
            }
            if (classMode) {
                ClassroomServer.Started started = ClassroomServer.startClass(host, port, lessonEntry, maxStudents);
                server = started.server();
                joinCode = started.code();
                teacherKey = started.teacherKey();
            } else {
                server = ClassroomServer.start(host, port, lessonEntry);
            }
        } catch (RuntimeException | java.io.IOException e) {
            throw new BadInputException("cannot listen on " + Problem.shown(host) + ":" + port + " (" + e.getMessage()
                    + "); is the port in use? try --port 0");
        }
        String url = "http://" + (address.isAnyLocalAddress() ? "127.0.0.1" : host) + ":" + server.port() + "/";
        PrintWriter out = spec.commandLine().getOut();
        out.println("classroom page: " + url + "  (Ctrl-C to stop)");
        if (classMode) {
            out.println("class: students open " + url + "class and join with the code " + joinCode
                    + " (at most " + maxStudents + ")");
            out.println("teacher (keep this address to yourself): " + url + "api/class/teacher?key=" + teacherKey);
        }
        out.println("lessons: " + url + "lesson" + (lessonEntry == null ? "" : "#lesson=" + lessonEntry.getKey())
                + "   be the therapist: " + url + "practice");
        out.flush();
        if (open) {
            try {
                java.awt.Desktop.getDesktop().browse(URI.create(url));
            } catch (Exception | Error e) {
                err.println("could not open a browser (" + e.getClass().getSimpleName() + "); open " + url + " yourself");
            }
        }
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stop.countDown();
        }));
        stop.await();
        return AllianceSim.OK;
    }

    /**
     * Binds {@code address:port} and lets go again, as the server will (address reuse on): a port in
     * use fails here, before the web server logs its own "Failed to start" line beside our one-line
     * message. Another program taking the port in between still fails the start, with both lines.
     */
    private static void tryBind(InetAddress address, int port) throws java.io.IOException {
        try (java.net.ServerSocket probe = new java.net.ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(address, port));
        }
    }
}
