package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The classroom page in a real browser: Debian's Chromium, headless, driven by Selenium through
 * Debian's chromedriver (paths set explicitly, so nothing is downloaded). Screenshots go to
 * analysis/target/screenshots/. Tagged "browser": .ci/run installs Chromium and runs these.
 */
@Tag("browser")
class ClassroomBrowserTest {

    static ClassroomServer server;
    static ChromeDriver driver;
    static WebDriverWait wait;
    static final Path SHOTS = Path.of("target", "screenshots");

    @BeforeAll
    static void start() throws Exception {
        server = ClassroomServer.start("127.0.0.1", 0);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--window-size=1600,1500",
                "--user-data-dir=" + Files.createTempDirectory("chromium-profile"));
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(90));
        Files.createDirectories(SHOTS);
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

    private static String dropoutText() {
        List<WebElement> m = driver.findElements(By.cssSelector("#headline .metric[data-key=dropout_share] .value"));
        return m.isEmpty() ? "" : m.get(0).getText();
    }

    private static void waitReady() {
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("ready"));
    }

    private static void screenshot(String name) throws Exception {
        File f = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void presetsSlidersChartsAndAFamilysStory() throws Exception {
        driver.get("http://127.0.0.1:" + server.port() + "/");
        waitReady();
        String first = dropoutText();
        assertTrue(first.endsWith("%"), "dropout shown: " + first);
        assertTrue(driver.findElement(By.cssSelector("#retention svg")).isDisplayed());
        assertTrue(driver.findElement(By.cssSelector("#alliance svg")).isDisplayed());
        assertEquals(11, new Select(driver.findElement(By.id("preset"))).getOptions().size());

        // Pick a preset: the description and the numbers change.
        new Select(driver.findElement(By.id("preset"))).selectByValue("fragile-alliance-same-challenge");
        wait.until(d -> !dropoutText().equals(first) && d.findElement(By.id("status")).getText().startsWith("ready"));
        String fragile = dropoutText();
        assertTrue(driver.findElement(By.id("preset-description")).getText().contains("fragile"));
        screenshot("classroom-preset.png");

        // Move a slider (as a mouse would: value, then the input event): warmer, gentler therapist.
        ((JavascriptExecutor) driver).executeScript(
                "const s = document.getElementById('challenge'); s.value = 0.2;"
                        + " s.dispatchEvent(new Event('input', {bubbles: true}));");
        wait.until(d -> !dropoutText().equals(fragile) && d.findElement(By.id("status")).getText().startsWith("ready"));
        assertEquals("0.20", driver.findElement(By.id("challenge-value")).getText());
        assertNotEquals(fragile, dropoutText());

        // Compare mode keeps the previous setting as a second curve.
        driver.findElement(By.id("compare")).click();
        ((JavascriptExecutor) driver).executeScript(
                "const s = document.getElementById('repair'); s.value = 0.95;"
                        + " s.dispatchEvent(new Event('input', {bubbles: true}));");
        wait.until(d -> d.findElements(By.cssSelector("#headline .ghost")).size() > 0);
        waitReady();
        assertTrue(driver.findElement(By.id("retention")).getAttribute("innerHTML").contains("previous setting"));
        screenshot("classroom.png");

        // One family's story, stepped through.
        WebElement family = driver.findElement(By.id("family"));
        family.clear();
        family.sendKeys("3");
        driver.findElement(By.id("story-load")).click();
        wait.until(d -> d.findElement(By.id("story-text")).getText().startsWith("Family 3"));
        assertEquals("before the first session", driver.findElement(By.id("story-step")).getText());
        driver.findElement(By.id("story-next")).click();
        wait.until(d -> d.findElement(By.id("story-text")).getText().startsWith("Session 1"));
        wait.until(d -> d.findElements(By.cssSelector("#story-chart svg")).size() > 0);
        assertTrue(driver.findElement(By.id("story-step")).getText().startsWith("session 1 of"));
        driver.findElement(By.id("story-next")).click();
        wait.until(d -> !d.findElement(By.id("story-step")).getText().startsWith("session 1 of"));
        driver.findElement(By.id("story-prev")).click();
        wait.until(d -> d.findElement(By.id("story-step")).getText().startsWith("session 1 of"));
        ((JavascriptExecutor) driver).executeScript("document.getElementById('story').scrollIntoView();");
        screenshot("classroom-story.png");
    }
}
