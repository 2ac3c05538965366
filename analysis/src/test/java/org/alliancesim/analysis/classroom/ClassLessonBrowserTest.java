package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A class plays a lesson together in Debian's Chromium: a teacher and three students, each in a
 * browser of their own (separate profiles, separate cookies), play "Rupture and repair" through,
 * three steps. The teacher moves the lesson and reveals each step from the dashboard; each student
 * sees the step on their own screen and answers from it; the dashboard shows each student's course
 * and answer and the class's distribution, and the students see the model's answer, the
 * explanation and the distribution after the reveal. One student and the teacher use the keyboard
 * only (Tab, arrows, Space, Enter). axe-core reports no violation of any impact on the new screens
 * and states: the student's step (a number, a choice, answered, revealed), the dashboard mid-lesson
 * (answers in, revealed) and its projector mode.
 */
@Tag("browser")
class ClassLessonBrowserTest {

    static final Duration WAIT = Duration.ofSeconds(90);

    /** Presses Tab until the focused element satisfies {@code test} (a JavaScript expression over {@code e}). */
    static void tabTo(ChromeDriver d, String test) {
        for (int i = 0; i < 60; i++) {
            if (Boolean.TRUE.equals(d.executeScript("const e = document.activeElement; return !!e && (" + test + ");"))) {
                return;
            }
            new Actions(d).sendKeys(Keys.TAB).perform();
        }
        fail("Tab never reached an element with " + test);
    }

    static void keys(ChromeDriver d, CharSequence... keys) {
        new Actions(d).sendKeys(keys).perform();
    }

    static Object script(ChromeDriver d, String js) {
        return d.executeScript(js);
    }

    /** The texts of the cells matching {@code css}, read in one script (the tables are rebuilt on every poll). */
    static Object texts(ChromeDriver d, String css) {
        return d.executeScript("return Array.from(document.querySelectorAll('" + css + "')).map((e) => e.textContent);");
    }

    @Test
    void aTeacherAndThreeStudentsPlayALessonThrough() throws Exception {
        ClassRoom room = new ClassRoom(60, new SecureRandom());
        List<ChromeDriver> browsers = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        try (ClassroomServer server = ClassroomServer.startClass("127.0.0.1", 0, null, room)) {
            String base = "http://127.0.0.1:" + server.port();
            ChromeDriver teacher = Chromium.openDashboard(browsers, base, room);
            WebDriverWait tw = new WebDriverWait(teacher, WAIT);
            tw.until(d -> d.findElement(By.id("join-code")).getText().equals(room.code)
                    && d.findElements(By.cssSelector("#lesson-pick option")).size() == 3);
            String[] nicknames = {"Ann", "Bo", "Cy"};
            List<ChromeDriver> students = new ArrayList<>();
            for (int i = 0; i < nicknames.length; i++) {
                ChromeDriver s = Chromium.openStudent(browsers, students, base);
                Chromium.joinClass(s, room.code, nicknames[i]);
                // Each student plays i + 1 sessions first, so the dashboard has courses to show.
                Chromium.playSessions(s, i + 1);
            }
            ChromeDriver ann = students.get(0);
            // From here Ann uses the keyboard only, from the top of her page.
            script(ann, "document.activeElement.blur();");

            // The teacher, by keyboard: the lesson list, "Rupture and repair" (the last), Start.
            script(teacher, "document.activeElement.blur();");
            tabTo(teacher, "e.id === 'lesson-pick'");
            keys(teacher, Keys.END);
            tw.until(d -> "rupture-and-repair".equals(script(teacher, "return document.getElementById('lesson-pick').value;")));
            tabTo(teacher, "e.id === 'lesson-start'");
            keys(teacher, Keys.ENTER);
            tw.until(d -> d.findElement(By.id("lesson-count")).getText().startsWith("Rupture and repair: step 1 of 3"));

            // Step 1 asks a number: the dropout share, in %.
            String[] guesses = {"30", "45", "60"};
            for (int i = 0; i < 3; i++) {
                ChromeDriver s = students.get(i);
                WebDriverWait w = new WebDriverWait(s, WAIT);
                w.until(d -> d.findElement(By.id("cl-count")).getText().contains("step 1 of 3")
                        && d.findElement(By.id("cl-number-box")).isDisplayed());
                if (i == 0) {
                    violations.addAll(Chromium.axe(s, "student, a number step", true));
                    tabTo(s, "e.id === 'cl-number'");
                    keys(s, guesses[i]);
                    tabTo(s, "e.id === 'cl-send'");
                    keys(s, Keys.ENTER);
                } else {
                    s.findElement(By.id("cl-number")).sendKeys(guesses[i]);
                    s.findElement(By.id("cl-send")).click();
                }
                w.until(d -> d.findElement(By.id("cl-status")).getText().startsWith("Your answer is in"));
            }
            tw.until(d -> d.findElement(By.id("lesson-answers-caption")).getText().contains("3 of 3 students answered"));
            assertEquals(List.of("30", "30", "45", "60", "60"), texts(teacher, "#lesson-answers tbody td"),
                    "lowest, quartiles, median and highest of the class's guesses");
            tw.until(d -> List.of("30", "45", "60").equals(texts(teacher, "#students tbody td:nth-of-type(4)")));
            revealByKeyboard(teacher, tw);
            for (ChromeDriver s : students) {
                new WebDriverWait(s, WAIT).until(d -> d.findElement(By.id("cl-reveal")).isDisplayed()
                        && d.findElement(By.id("cl-verdict")).getText().contains("the model gives"));
            }
            assertTrue(ann.findElement(By.id("cl-verdict")).getText().startsWith("You guessed 30%; the model gives "),
                    ann.findElement(By.id("cl-verdict")).getText());
            assertTrue(ann.findElements(By.cssSelector("#cl-chart svg")).size() == 1, "the step's retention chart");
            violations.addAll(Chromium.axe(ann, "student, a number step revealed", true));

            // Step 2, a choice: higher, about the same, lower. Ann (keyboard) picks the first, Bo the second, Cy the third.
            nextByKeyboard(teacher, tw, 2);
            for (int i = 0; i < 3; i++) {
                ChromeDriver s = students.get(i);
                WebDriverWait w = new WebDriverWait(s, WAIT);
                w.until(d -> d.findElement(By.id("cl-count")).getText().contains("step 2 of 3")
                        && d.findElement(By.id("cl-choice-box")).isDisplayed() && !d.findElement(By.id("cl-reveal")).isDisplayed());
                if (i == 0) {
                    violations.addAll(Chromium.axe(s, "student, a choice step", true));
                    tabTo(s, "e.name === 'cl-choice'");
                    keys(s, Keys.SPACE);
                    tabTo(s, "e.id === 'cl-send'");
                    keys(s, Keys.ENTER);
                } else {
                    s.findElements(By.cssSelector("input[name=cl-choice]")).get(i).click();
                    s.findElement(By.id("cl-send")).click();
                }
                w.until(d -> d.findElement(By.id("cl-status")).getText().startsWith("Your answer is in"));
            }
            assertEquals("Your answer is in: higher.", ann.findElement(By.id("cl-status")).getText());
            violations.addAll(Chromium.axe(ann, "student, a choice step answered", true));
            Chromium.screenshot(students.get(1), "class-lesson-student.png");
            tw.until(d -> d.findElement(By.id("lesson-answers-caption")).getText().contains("3 of 3 students answered"));
            tw.until(d -> List.of("higher", "about the same", "lower").equals(texts(teacher, "#students tbody td:nth-of-type(4)")));
            assertEquals(List.of("1", "1", "1"), texts(teacher, "#lesson-answers tbody td"));
            assertEquals(List.of("higher (the model's answer)", "about the same", "lower"),
                    texts(teacher, "#lesson-answers tbody th"));
            assertEquals(List.of("Ann", "Bo", "Cy"), texts(teacher, "#students tbody th"));
            tw.until(d -> played(students).equals(texts(teacher, "#students tbody td:nth-of-type(1)")));
            violations.addAll(Chromium.axe(teacher, "dashboard mid-lesson, answers in", true));
            revealByKeyboard(teacher, tw);
            for (ChromeDriver s : students) {
                new WebDriverWait(s, WAIT).until(d -> d.findElement(By.id("cl-reveal")).isDisplayed()
                        && !d.findElement(By.id("cl-verdict")).getText().isEmpty());
            }
            assertEquals("Your prediction, higher, is what the model shows.", ann.findElement(By.id("cl-verdict")).getText());
            assertEquals("You predicted lower; the model shows higher.",
                    students.get(2).findElement(By.id("cl-verdict")).getText());
            assertEquals(List.of("1", "1", "1", "3"), texts(ann, "#cl-dist tbody td"), "each choice once, three answers");
            assertTrue(ann.findElement(By.id("cl-explain")).getText().contains("unrepaired rupture"));
            violations.addAll(Chromium.axe(ann, "student, a choice step revealed", true));
            Chromium.screenshot(ann, "class-lesson-student-revealed.png");
            tw.until(d -> d.findElement(By.id("lesson-model")).getText().equals("The model shows: higher."));
            Chromium.screenshot(teacher, "class-lesson-dashboard.png");
            violations.addAll(Chromium.axe(teacher, "dashboard mid-lesson, revealed", true));
            teacher.findElement(By.id("projector")).click();
            violations.addAll(Chromium.axe(teacher, "dashboard mid-lesson, projector mode", true));
            teacher.findElement(By.id("projector")).click();

            // Step 3: everyone picks "lower" (the model's answer); then the teacher ends the lesson.
            nextByKeyboard(teacher, tw, 3);
            for (int i = 0; i < 3; i++) {
                ChromeDriver s = students.get(i);
                WebDriverWait w = new WebDriverWait(s, WAIT);
                w.until(d -> d.findElement(By.id("cl-count")).getText().contains("step 3 of 3")
                        && d.findElement(By.id("cl-choice-box")).isDisplayed());
                if (i == 0) {
                    tabTo(s, "e.name === 'cl-choice'");
                    keys(s, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
                    tabTo(s, "e.id === 'cl-send'");
                    keys(s, Keys.ENTER);
                } else {
                    s.findElements(By.cssSelector("input[name=cl-choice]")).get(2).click();
                    s.findElement(By.id("cl-send")).click();
                }
                w.until(d -> d.findElement(By.id("cl-status")).getText().equals("Your answer is in: lower."));
            }
            tw.until(d -> d.findElement(By.id("lesson-answers-caption")).getText().contains("3 of 3 students answered"));
            assertEquals(List.of("0", "0", "3"), texts(teacher, "#lesson-answers tbody td"));
            revealByKeyboard(teacher, tw);
            new WebDriverWait(ann, WAIT).until(d -> d.findElement(By.id("cl-verdict")).getText()
                    .equals("Your prediction, lower, is what the model shows."));
            assertTrue(!teacher.findElement(By.id("lesson-next")).isEnabled(), "no step after the last");
            teacher.findElement(By.id("lesson-stop")).click();
            new WebDriverWait(ann, WAIT).until(d -> !d.findElement(By.id("class-lesson")).isDisplayed());
            assertTrue(ann.findElement(By.id("step")).isDisplayed(), "back to the practice alone");
            assertTrue(violations.isEmpty(), "accessibility violations: " + violations);
            for (ChromeDriver b : browsers) {
                assertTrue(Chromium.refusals(b).isEmpty(), "the CSP refused: " + Chromium.refusals(b));
            }
        } finally {
            browsers.forEach(ChromeDriver::quit);
        }
    }

    /** The sessions each student's own screen shows played. */
    static List<String> played(List<ChromeDriver> students) {
        return students.stream().map(s -> String.valueOf(s.findElements(By.cssSelector("#history-table tbody tr")).size()))
                .toList();
    }

    static void revealByKeyboard(ChromeDriver teacher, WebDriverWait tw) {
        tabTo(teacher, "e.id === 'lesson-reveal'");
        keys(teacher, Keys.ENTER);
        tw.until(d -> d.findElement(By.id("lesson-count")).getText().endsWith("revealed to the class"));
    }

    static void nextByKeyboard(ChromeDriver teacher, WebDriverWait tw, int step) {
        tabTo(teacher, "e.id === 'lesson-next'");
        keys(teacher, Keys.ENTER);
        tw.until(d -> d.findElement(By.id("lesson-count")).getText().contains("step " + step + " of 3"));
    }
}
