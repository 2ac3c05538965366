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
import java.util.Map;
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
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
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
        // The browser's console, to see whether the Content-Security-Policy blocked anything.
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
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

    /**
     * The page is served with a strict CSP (no inline styles): the charts' colours and line widths
     * must still apply (they are SVG attributes, not style attributes), and the console must show
     * no refusal. With style attributes under this policy, the legend's line would be filled black
     * and have no stroke.
     */
    private static void chartsDrawUnderTheContentSecurityPolicy() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        assertEquals(0L, js.executeScript(
                "return document.querySelectorAll('#retention svg [style], #alliance svg [style]').length;"));
        String legendLine = (String) js.executeScript(
                "const g = document.querySelector(\"#retention svg g[stroke-width='3.0']\");"
                        + " const c = getComputedStyle(g); return c.fill + '|' + c.stroke + '|' + c.strokeWidth;");
        assertEquals("none|rgb(0, 114, 178)|3px", legendLine, "the current setting's blue line");
        String title = (String) js.executeScript("const t = document.querySelector('#retention svg text');"
                + " const c = getComputedStyle(t); return c.fontSize + '|' + c.fontWeight;");
        assertEquals("22px|700", title, "the chart title's font");
        List<LogEntry> refused = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getMessage().contains("Content Security Policy")).toList();
        assertTrue(refused.isEmpty(), "the CSP refused: " + refused);
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
        chartsDrawUnderTheContentSecurityPolicy();

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
        assertEquals(0L, ((JavascriptExecutor) driver).executeScript(
                "return document.querySelectorAll('#story-chart svg [style]').length;"));
        List<LogEntry> refused = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getMessage().contains("Content Security Policy")).toList();
        assertTrue(refused.isEmpty(), "the CSP refused: " + refused);
    }
}
