package org.alliancesim.analysis.usecase;

import java.nio.file.Path;
import java.util.List;
import org.alliancesim.analysis.story.Story;

/**
 * A family's course, told.
 *
 * @param story the course and its sessions (records), and the alliance chart
 * @param text the narrative, session by session
 * @param files the files written (story.txt, alliance.png, alliance.svg), empty when none was asked for
 */
public record StoryResult(Story story, String text, List<Path> files) {

    /** Copies the file list. */
    public StoryResult {
        files = List.copyOf(files);
    }
}
