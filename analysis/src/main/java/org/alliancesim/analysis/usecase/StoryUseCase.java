package org.alliancesim.analysis.usecase;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.charts.ChartFiles;
import org.alliancesim.analysis.report.ResultsFolder;
import org.alliancesim.analysis.story.Story;
import org.alliancesim.model.CourseRecord;
import org.alliancesim.model.ModelParameters;
import org.alliancesim.model.Role;
import org.alliancesim.model.SessionRecord;
import org.alliancesim.scenario.Scenario;

/** Tells one family's course session by session, for teaching; when asked, writes it with its chart. */
public final class StoryUseCase {

    /** The files a story writes, in its output folder. */
    public static final List<String> FILES = List.of("story.txt", "alliance.png", "alliance.svg");

    private StoryUseCase() {}

    /**
     * A family's course, told.
     *
     * @param story the course and its sessions (records), and the alliance chart
     * @param text the narrative, session by session
     * @param files the files written (story.txt, alliance.png, alliance.svg), empty when none was asked for
     */
    public record Result(Story story, String text, List<Path> files) {

        /** Copies the file list. */
        public Result {
            files = List.copyOf(files);
        }
    }

    /**
     * Simulates replication 0 and tells the family's course.
     *
     * @throws BadRequestException if the output folder cannot take the files, or the family never
     *     arrived (clinic mode: fewer referrals than its number before the horizon)
     * @throws IOException if writing fails (no file is left half-written)
     */
    public static Result execute(StoryRequest request) throws IOException {
        Output output = request.output();
        try (ResultsFolder folder = output == null ? null : output.open(FILES)) {
            return tell(request, folder);
        }
    }

    private static Result tell(StoryRequest request, ResultsFolder folder) throws IOException {
        Output output = request.output();
        Scenario s = request.scenario();
        Story story;
        try {
            story = Story.of(s.name(), s.model(), s.seed(), request.family());
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(e.getMessage());
        }
        String text = story.text();
        if (output == null) {
            return new Result(story, text, List.of());
        }
        folder.write("story.txt", text);
        folder.write("alliance.png", ChartFiles.png(story.chart()));
        folder.write("alliance.svg", ChartFiles.svgDocument(story.chart()));
        folder.commit();
        return new Result(story, text, FILES.stream().map(output.dir()::resolve).toList());
    }

    // In memory, for an adapter that lays a story out itself (the classroom): the structure, the chart, no files.

    /** The story's structure (sessions, members, events as records); no files whatever the request's output. */
    public static Story.Telling telling(StoryRequest request) throws IOException {
        return execute(request.withOutput(null)).story().telling();
    }

    /** The structure of a course already run (stepped session by session): its record and its sessions, in order. */
    public static Story.Telling telling(String scenario, ModelParameters model, CourseRecord course,
            List<SessionRecord> sessions) {
        return Story.of(scenario, model, course, sessions).telling();
    }

    /** The members' alliance up to session {@code upto} as an inline {@code <svg>} element whose ids start with {@code id}. */
    public static String allianceSvg(StoryRequest request, int upto, String id) throws IOException {
        return ChartFiles.svgElement(execute(request.withOutput(null)).story().chart(upto), id);
    }

    /** A readable name for each member of a family with these roles, in order ("Parent A", "Adolescent", ...). */
    public static List<String> memberNames(List<Role> roles) {
        return Story.memberNames(roles);
    }
}
