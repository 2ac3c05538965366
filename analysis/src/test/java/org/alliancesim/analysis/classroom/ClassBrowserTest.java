package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A class in Debian's Chromium: the teacher and three students, each in a browser of their own
 * (separate profiles: separate cookies), join, play, and the dashboard shows each course; a
 * nickname that is HTML shows as text; the teacher reveals the debrief and the students open it;
 * axe-core on the join screen, the student's screen, the dashboard and its projector mode.
 */
@Tag("browser")
class ClassBrowserTest {

    @Test
    void aTeacherAndThreeStudentsPlayOneFamily() throws Exception {
        ClassRoom room = new ClassRoom(60, new SecureRandom());
        List<ChromeDriver> browsers = new ArrayList<>();
        try (ClassroomServer server = ClassroomServer.startClass("127.0.0.1", 0, null, room)) {
            String base = "http://127.0.0.1:" + server.port();
            ChromeDriver teacher = Chromium.openDashboard(browsers, base, room);
            WebDriverWait tw = new WebDriverWait(teacher, Duration.ofSeconds(90));
            tw.until(d -> d.findElement(By.id("join-code")).getText().equals(room.code));
            List<String> serious = new ArrayList<>(Chromium.axe(teacher, "dashboard, empty"));
            String[] nicknames = {"Ann", "<img src=x onerror=alert(1)>", "Bo"};
            List<ChromeDriver> students = new ArrayList<>();
            for (int i = 0; i < nicknames.length; i++) {
                ChromeDriver s = Chromium.openStudent(browsers, students, base);
                if (i == 0) {
                    serious.addAll(Chromium.axe(s, "join screen"));
                }
                Chromium.joinClass(s, room.code, nicknames[i]);
                // Each student plays i + 1 sessions (fewer if the family leaves first).
                Chromium.playSessions(s, i + 1);
                if (i == 0) {
                    serious.addAll(Chromium.axe(s, "student after a session"));
                }
            }
            tw.until(d -> d.findElements(By.cssSelector("#students tbody tr")).size() == 3);
            // The dashboard polls every 2 seconds: wait until it shows each student's sessions as the student sees them.
            List<String> played = students.stream().map(s -> String.valueOf(
                    s.findElements(By.cssSelector("#history-table tbody tr")).size())).toList();
            // Read in one script: the table is rebuilt on every poll, so elements found earlier go stale.
            tw.until(d -> played.equals(teacher.executeScript("return Array.from(document.querySelectorAll("
                    + "'#students tbody td:nth-of-type(1)')).map((e) => e.textContent);")));
            Object shown = teacher.executeScript(
                    "return Array.from(document.querySelectorAll('#students tbody th')).map((e) => e.textContent);");
            assertEquals(List.of(nicknames), shown, "the nicknames, the HTML one as text");
            assertEquals(0L, teacher.executeScript("return document.querySelectorAll('#students img').length;"),
                    "no element made from a nickname");
            assertTrue(teacher.findElements(By.cssSelector("#retention svg")).size() == 1);
            Chromium.screenshot(teacher, "class-dashboard.png");
            serious.addAll(Chromium.axe(teacher, "dashboard with three students"));
            teacher.findElement(By.id("reveal")).click();
            tw.until(d -> d.findElement(By.id("status")).getText().contains("debrief revealed"));
            ChromeDriver ann = students.get(0);
            ann.findElement(By.id("debrief-button")).click();
            new WebDriverWait(ann, Duration.ofSeconds(90))
                    .until(d -> d.findElement(By.id("status")).getText().equals("debrief ready"));
            teacher.findElement(By.id("projector")).click();
            serious.addAll(Chromium.axe(teacher, "dashboard, projector mode"));
            assertTrue(serious.isEmpty(), "serious or critical accessibility violations: " + serious);
            for (ChromeDriver b : browsers) {
                assertTrue(Chromium.refusals(b).isEmpty(), "the CSP refused: " + Chromium.refusals(b));
            }
        } finally {
            browsers.forEach(ChromeDriver::quit);
        }
    }
}
