package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The practice screen ("be the therapist") and the lessons in Debian's Chromium: played with the
 * keyboard only, checked with axe-core in every state (each session, the end, the debrief,
 * projector mode; each step of each shipped lesson before and after its reveal, teacher notes
 * open), with screenshots for docs/images.
 */
@Tag("browser")
class PracticeLessonBrowserTest {

    static ClassroomServer server;
    static ChromeDriver driver;
    static WebDriverWait wait;

    @BeforeAll
    static void start() throws Exception {
        server = ClassroomServer.start("127.0.0.1", 0);
        driver = Chromium.start(null);
        wait = new WebDriverWait(driver, Duration.ofSeconds(90));
    }

    @AfterAll
    static void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    private static String active() {
        return (String) driver.executeScript("return document.activeElement ? document.activeElement.id : '';");
    }

    /** Presses Tab until the element {@code id} has the focus (at most 40 times); fails if it never does. */
    private static void tabTo(String id) {
        for (int i = 0; i < 40 && !id.equals(active()); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        assertEquals(id, active(), "Tab reaches #" + id);
    }

    private static int historyRows() {
        return driver.findElements(By.cssSelector("#history-table tbody tr")).size();
    }

    @Test
    void aStudentPlaysAFamilyWithTheKeyboardAlone() throws Exception {
        driver.get(url("/practice#preset=healthy-alliance-productive-discomfort&family=2"));
        wait.until(d -> d.findElement(By.id("status")).getText().equals("ready"));
        List<String> serious = new ArrayList<>(Chromium.axe(driver, "practice, before the first session"));
        driver.findElement(By.tagName("body")).click();
        // Session 1: the challenge down two steps with the arrow keys, the focus on the first member, run.
        tabTo("challenge");
        new Actions(driver).sendKeys(Keys.ARROW_LEFT, Keys.ARROW_LEFT).perform();
        assertEquals("0.50", driver.findElement(By.id("challenge-value")).getText());
        tabTo("focus");
        new Actions(driver).sendKeys(Keys.ARROW_DOWN).perform();
        tabTo("step");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(d -> historyRows() == 1);
        wait.until(d -> d.findElement(By.id("status")).getText().equals("ready"));
        assertEquals("0.50", driver.findElement(By.cssSelector("#history-table tbody tr td:nth-child(2)")).getText());
        assertTrue(!driver.findElement(By.cssSelector("#history-table tbody tr td:nth-child(3)")).getText().equals("everyone"),
                "the focus chosen with the arrow key is shown");
        assertEquals(driver.findElements(By.cssSelector("#members-table tbody tr")).size(),
                driver.findElements(By.cssSelector("#focus option")).size() - 1, "one row per member");
        serious.addAll(Chromium.axe(driver, "practice, after session 1"));
        Chromium.screenshot(driver, "practice.png");
        // The model's choice, with Space on its button, then more sessions with Enter, until the course ends or 6 sessions.
        while (historyRows() < 6 && driver.findElement(By.id("step")).isEnabled()) {
            int before = historyRows();
            tabTo("policy");
            new Actions(driver).sendKeys(Keys.SPACE).perform();
            wait.until(d -> d.findElement(By.id("policy-text")).getText().startsWith("The model's therapist"));
            tabTo("step");
            new Actions(driver).sendKeys(Keys.ENTER).perform();
            wait.until(d -> historyRows() == before + 1);
            wait.until(d -> d.findElement(By.id("status")).getText().equals("ready"));
        }
        serious.addAll(Chromium.axe(driver, "practice, after " + historyRows() + " sessions"));
        tabTo("debrief-button");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        wait.until(d -> d.findElement(By.id("status")).getText().equals("debrief ready"));
        assertTrue(driver.findElement(By.id("debrief-story")).getText().startsWith("Family 2")
                || driver.findElement(By.id("debrief-story")).getText().startsWith("The course is not over"));
        assertEquals(3, driver.findElements(By.cssSelector("#same-table tbody tr")).size(), "you and the two calibrated types");
        assertTrue(driver.findElements(By.cssSelector("#debrief-chart svg")).size() == 1);
        serious.addAll(Chromium.axe(driver, "debrief"));
        driver.executeScript("document.getElementById('debrief').scrollIntoView();");
        Chromium.screenshot(driver, "practice-debrief.png");
        driver.executeScript("document.getElementById('debrief-chart').scrollIntoView();");
        Chromium.screenshot(driver, "practice-policy.png");
        tabTo("projector");
        new Actions(driver).sendKeys(Keys.ENTER).perform();
        assertEquals("true", driver.findElement(By.id("projector")).getAttribute("aria-pressed"));
        serious.addAll(Chromium.axe(driver, "practice, projector mode"));
        assertTrue(serious.isEmpty(), "serious or critical accessibility violations: " + serious);
        assertTrue(Chromium.refusals(driver).isEmpty(), "the CSP refused: " + Chromium.refusals(driver));
    }

    @Test
    void everyLessonStepIsAccessibleBeforeAndAfterItsReveal() throws Exception {
        List<String> serious = new ArrayList<>();
        for (String lesson : Lessons.BUILTINS) {
            driver.get("about:blank");
            driver.get(url("/lesson#lesson=" + lesson));
            wait.until(d -> d.findElement(By.id("step-count")).getText().startsWith("Step 1 of"));
            driver.findElement(By.cssSelector("#teacher-notes summary")).click();
            int steps = Integer.parseInt(driver.findElement(By.id("step-count")).getText().replaceAll(".* of ", ""));
            for (int s = 1; s <= steps; s++) {
                final int step = s;
                wait.until(d -> d.findElement(By.id("step-count")).getText().startsWith("Step " + step + " of"));
                serious.addAll(Chromium.axe(driver, lesson + " step " + s + ", before"));
                if (!driver.findElements(By.cssSelector("input[name=choice]")).isEmpty()) {
                    driver.findElements(By.cssSelector("label.choice")).get(0).click();
                } else if (driver.findElement(By.id("number-guess")).isDisplayed()) {
                    driver.findElement(By.id("number-guess")).sendKeys("30");
                }
                driver.findElement(By.id("run")).click();
                wait.until(d -> d.findElement(By.id("status")).getText().equals("revealed"));
                assertTrue(!driver.findElement(By.id("verdict")).getText().isEmpty(), lesson + " step " + s + " verdict");
                serious.addAll(Chromium.axe(driver, lesson + " step " + s + ", revealed"));
                if (lesson.equals("trust-and-productive-discomfort") && s == 2) {
                    Chromium.screenshot(driver, "lesson-step.png");
                    driver.findElement(By.id("projector")).click();
                    serious.addAll(Chromium.axe(driver, lesson + " step " + s + ", projector mode"));
                    driver.findElement(By.id("projector")).click();
                }
                if (s < steps) {
                    driver.findElement(By.id("next")).click();
                }
            }
        }
        assertTrue(serious.isEmpty(), "serious or critical accessibility violations: " + serious);
        assertTrue(Chromium.refusals(driver).isEmpty(), "the CSP refused: " + Chromium.refusals(driver));
    }
}
