package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The browser tests' Chromium: Debian's, headless, through Debian's chromedriver (paths set
 * explicitly, so nothing is downloaded), each with its own profile (a separate browser context);
 * axe-core's check and screenshots.
 */
final class Chromium {

    static final Path SHOTS = Path.of("target", "screenshots");

    private Chromium() {}

    /** A new headless Chromium with its own profile; downloads (if not null) land in {@code downloads}. */
    static ChromeDriver start(Path downloads) throws IOException {
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
        if (downloads != null) {
            options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
                    "download.prompt_for_download", false));
        }
        Files.createDirectories(SHOTS);
        return new ChromeDriver(service, options);
    }

    /**
     * A teacher's browser, started and kept in {@code browsers} (for the test to quit), on the
     * dashboard of {@code room} at {@code base}.
     */
    static ChromeDriver openDashboard(List<ChromeDriver> browsers, String base, ClassRoom room) throws IOException {
        ChromeDriver teacher = start(null);
        browsers.add(teacher);
        teacher.get(base + "/api/class/teacher?key=" + room.teacherKey());
        return teacher;
    }

    /**
     * A student's browser (its own profile: its own cookies), started, kept in {@code browsers} and
     * {@code students}, on the class's join screen at {@code base} ({@link #openClass}).
     */
    static ChromeDriver openStudent(List<ChromeDriver> browsers, List<ChromeDriver> students, String base)
            throws IOException {
        ChromeDriver s = start(null);
        browsers.add(s);
        students.add(s);
        openClass(s, base);
        return s;
    }

    /** Opens the class's student screen and waits for the join form. */
    static void openClass(ChromeDriver s, String base) {
        s.get(base + "/class");
        new WebDriverWait(s, Duration.ofSeconds(90)).until(d -> d.findElement(By.id("join")).isDisplayed());
    }

    /** Joins with the code and nickname, as a student types them, and waits until the course is ready. */
    static void joinClass(ChromeDriver s, String code, String nickname) {
        s.findElement(By.id("join-code")).sendKeys(code);
        s.findElement(By.id("nickname")).sendKeys(nickname);
        s.findElement(By.id("join-button")).click();
        new WebDriverWait(s, Duration.ofSeconds(90)).until(d -> d.findElement(By.id("status")).getText().equals("ready"));
    }

    /** Plays up to {@code sessions} sessions on the practice screen (fewer if the family leaves first). */
    static void playSessions(ChromeDriver s, int sessions) {
        WebDriverWait w = new WebDriverWait(s, Duration.ofSeconds(90));
        for (int k = 0; k < sessions && s.findElement(By.id("step")).isEnabled(); k++) {
            int before = s.findElements(By.cssSelector("#history-table tbody tr")).size();
            s.findElement(By.id("step")).click();
            w.until(d -> d.findElements(By.cssSelector("#history-table tbody tr")).size() == before + 1);
        }
    }

    static void screenshot(ChromeDriver driver, String name) throws IOException {
        File f = driver.getScreenshotAs(OutputType.FILE);
        Files.copy(f.toPath(), SHOTS.resolve(name), StandardCopyOption.REPLACE_EXISTING);
    }

    /**
     * Runs axe-core (fetched by .ci/fetch-axe.sh into target/axe/; injected with executeScript,
     * which runs through the DevTools protocol and so is not subject to the page's
     * Content-Security-Policy) on the page as it is; prints every violation with its impact and
     * returns the serious and critical ones, each prefixed with {@code label}.
     */
    static List<String> axe(ChromeDriver driver, String label) throws IOException {
        return axe(driver, label, false);
    }

    /** As {@link #axe(ChromeDriver, String)}; with {@code every}, returns the violations of every impact. */
    static List<String> axe(ChromeDriver driver, String label, boolean every) throws IOException {
        Path axe = Path.of("target", "axe", "axe.min.js");
        assertTrue(Files.isRegularFile(axe), "axe-core is missing: run .ci/fetch-axe.sh (it needs npm)");
        JavascriptExecutor js = driver;
        js.executeScript(Files.readString(axe));
        assertEquals(true, js.executeScript("return typeof window.axe === 'object';"), "axe was injected despite the CSP");
        String found = (String) js.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + " axe.run(document, {resultTypes: ['violations']}).then((r) => done(JSON.stringify("
                        + " r.violations.map((v) => ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.map((n) => n.target.join(' '))})))), (e) => done('error: ' + e));");
        assertTrue(found.startsWith("["), found);
        JsonNode violations = new ObjectMapper().readTree(found);
        Map<String, Integer> byImpact = new TreeMap<>();
        List<String> serious = new ArrayList<>();
        for (JsonNode v : violations) {
            String impact = v.get("impact").asText();
            byImpact.merge(impact, v.get("nodes").size(), Integer::sum);
            System.out.println("axe (" + label + "): " + impact + " " + v.get("id").asText() + ": "
                    + v.get("help").asText() + " " + v.get("nodes"));
            if (every || impact.equals("serious") || impact.equals("critical")) {
                serious.add(label + ": " + v.get("id").asText() + " " + v.get("nodes"));
            }
        }
        System.out.println("axe-core " + js.executeScript("return axe.version;") + " (" + label
                + "), violating nodes by impact: " + byImpact);
        return serious;
    }

    /** The console's Content-Security-Policy refusals so far. */
    static List<LogEntry> refusals(ChromeDriver driver) {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getMessage().contains("Content Security Policy")).toList();
    }
}
