package org.alliancesim.analysis.classroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.File;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.w3c.dom.Document;

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
    static Path DOWNLOADS;

    @BeforeAll
    static void start() throws Exception {
        server = ClassroomServer.start("127.0.0.1", 0);
        // Downloads (the charts' SVG and PNG buttons) land in a folder of the test's own.
        DOWNLOADS = Files.createTempDirectory("classroom-downloads");
        driver = Chromium.start(DOWNLOADS);
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

    private static String dropoutText() {
        List<WebElement> m = driver.findElements(By.cssSelector("#headline .metric[data-key=dropout_share] .value"));
        return m.isEmpty() ? "" : m.get(0).getText();
    }

    private static void waitReady() {
        wait.until(d -> d.findElement(By.id("status")).getText().startsWith("ready"));
    }

    private static void screenshot(String name) throws Exception {
        Chromium.screenshot(driver, name);
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

    private static String page() {
        return "http://127.0.0.1:" + server.port() + "/";
    }

    private static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /** Loads {@code url} as a new page (not only a change of fragment) and waits for its first run. */
    private static void open(String url) {
        driver.get("about:blank");
        driver.get(url);
        waitReady();
    }

    private static String valueOf(String id) {
        return driver.findElement(By.id(id)).getAttribute("value");
    }

    /** The headline values as the page formats them, from the JSON of {@code /api/run?QUERY}. */
    private static List<String> headlineOf(String query) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(page() + "api/run?" + query)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode(), r.body());
        JsonNode h = new ObjectMapper().readTree(r.body()).get("headline");
        List<String> values = new ArrayList<>();
        h.properties().forEach(e -> {
            boolean share = e.getKey().endsWith("share");
            double mean = e.getValue().get("mean").asDouble();
            values.add(share ? String.format(Locale.ROOT, "%.0f%%", mean * 100) : String.format(Locale.ROOT, "%.2f", mean));
        });
        return values;
    }

    private static List<String> headlineOnPage() {
        return driver.findElements(By.cssSelector("#headline .metric .value")).stream().map(WebElement::getText).toList();
    }

    @Test
    void aLinkRestoresItsSettingsAndTheRunUsesThem() throws Exception {
        open(page() + "#preset=fragile-alliance-same-challenge&challenge=0.2&policy=escalating&observed=true"
                + "&warmth=7&bogus=1&experience=expert");
        // The controls show the link's settings ...
        assertEquals("fragile-alliance-same-challenge", valueOf("preset"));
        assertEquals("0.20", driver.findElement(By.id("challenge-value")).getText());
        assertEquals("escalating", valueOf("policy"));
        assertTrue(driver.findElement(By.id("observed")).isSelected());
        // ... and what is unknown or out of range is ignored, with a notice naming it.
        assertEquals("preset", driver.findElement(By.id("warmth-value")).getText());
        assertEquals("", valueOf("experience"));
        String notice = driver.findElement(By.id("link-notice")).getText();
        assertTrue(notice.contains("warmth '7'") && notice.contains("'bogus'") && notice.contains("experience 'expert'"),
                notice);
        // The run used them: the page shows what the API gives for exactly these settings, not the preset's own.
        String settings = "preset=fragile-alliance-same-challenge&challenge=0.2&policy=escalating&observed=true";
        assertEquals(headlineOf(settings), headlineOnPage());
        assertNotEquals(headlineOf("preset=fragile-alliance-same-challenge"), headlineOnPage());

        // Round trip: move a control, take the page's link, open it afresh: the same controls, the same numbers.
        js("const s = document.getElementById('repair'); s.value = 0.95;"
                + " s.dispatchEvent(new Event('input', {bubbles: true}));");
        wait.until(d -> valueOf("link").contains("repair=0.95"));
        waitReady();
        String link = valueOf("link");
        List<String> before = headlineOnPage();
        assertTrue(link.startsWith(page() + "#") && !link.contains("bogus") && !link.contains("warmth"), link);
        open(link);
        assertEquals("0.95", driver.findElement(By.id("repair-value")).getText());
        assertEquals("0.20", driver.findElement(By.id("challenge-value")).getText());
        assertEquals("escalating", valueOf("policy"));
        assertEquals("Settings restored from the link.", driver.findElement(By.id("link-notice")).getText());
        assertEquals(before, headlineOnPage());
        assertEquals(headlineOf(settings + "&repair=0.95"), headlineOnPage());
    }

    @Test
    void theChartsDownloadAsSvgAndPng() throws Exception {
        open(page() + "#preset=involuntary-referral");
        for (WebElement b : driver.findElements(By.cssSelector("button[data-chart=retention]"))) {
            b.click();
        }
        Path svg = DOWNLOADS.resolve("involuntary-referral-retention.svg");
        Path png = DOWNLOADS.resolve("involuntary-referral-retention.png");
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> Files.isRegularFile(svg) && Files.isRegularFile(png));
        // The SVG is a standalone, well-formed document with the chart's title and its blue curve.
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(svg.toFile());
        assertEquals("svg", doc.getDocumentElement().getTagName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getAttribute("xmlns"));
        String text = Files.readString(svg);
        assertTrue(text.contains("rgb(0,114,178)") || text.toLowerCase(Locale.ROOT).contains("#0072b2"), "the blue curve");
        // The PNG is the chart drawn at twice its size: mostly white, with the curve's blue in it.
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(2000, image.getWidth());
        assertEquals(1200, image.getHeight());
        int blue = 0;
        for (int y = 0; y < image.getHeight(); y += 2) {
            for (int x = 0; x < image.getWidth(); x += 2) {
                int rgb = image.getRGB(x, y) & 0xFFFFFF;
                if (Math.abs((rgb >> 16) - 0) < 30 && Math.abs(((rgb >> 8) & 0xFF) - 114) < 30 && Math.abs((rgb & 0xFF) - 178) < 30) {
                    blue++;
                }
            }
        }
        assertTrue(blue > 500, "blue pixels of the retention curve in the PNG: " + blue);
        List<LogEntry> refused = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getMessage().contains("Content Security Policy")).toList();
        assertTrue(refused.isEmpty(), "the CSP refused: " + refused);
    }

    @Test
    void everyControlWorksFromTheKeyboardWithVisibleFocus() {
        open(page() + "#preset=default");
        @SuppressWarnings("unchecked")
        List<String> controls = (List<String>) js("return [...document.querySelectorAll("
                + "'#controls input, #controls select, #controls button, #story input, #story button:not([disabled]),"
                + " .chart-tools button')].map((e) => e.id || e.dataset.chart + '-' + e.dataset.format);");
        driver.findElement(By.tagName("h1")).click();
        Set<String> reached = new LinkedHashSet<>();
        for (int i = 0; i < 60 && !reached.containsAll(controls); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            WebElement focused = driver.switchTo().activeElement();
            if (focused.getTagName().equals("body")) {
                continue;   // past the last control, the focus is in the browser's own bar
            }
            String id = focused.getAttribute("id");
            String name = id == null || id.isEmpty() ? focused.getAttribute("data-chart") + "-" + focused.getAttribute("data-format") : id;
            reached.add(name);
            String outline = (String) js("const c = getComputedStyle(arguments[0]); return c.outlineStyle + ' ' + c.outlineWidth;",
                    focused);
            assertTrue(outline.startsWith("solid 3px"), name + " has no visible focus: " + outline + " "
                    + js("return arguments[0].outerHTML.substring(0, 120);", focused));
        }
        assertTrue(reached.containsAll(controls), "not reached by Tab: " + controls.stream().filter(c -> !reached.contains(c)).toList());
        // A slider moves with the arrow keys, and the page runs again.
        WebElement challenge = driver.findElement(By.id("challenge"));
        challenge.sendKeys(Keys.ARROW_RIGHT);
        wait.until(d -> !d.findElement(By.id("challenge-value")).getText().equals("preset"));
        wait.until(d -> valueOf("link").contains("challenge=0.65"));   // the run with it has finished
        assertEquals("0.65", driver.findElement(By.id("challenge-value")).getText());
        // A toggle button works with the space bar and says whether it is on.
        WebElement projector = driver.findElement(By.id("projector"));
        projector.sendKeys(Keys.SPACE);
        assertEquals("true", projector.getAttribute("aria-pressed"));
        assertEquals("26px", js("return getComputedStyle(document.documentElement).fontSize;"));
        projector.sendKeys(Keys.ENTER);
        assertEquals("false", projector.getAttribute("aria-pressed"));
    }

    @Test
    void thePrintLayoutShowsTheSettingInWordsAndNoControls() throws Exception {
        open(page() + "#preset=involuntary-referral&challenge=0.2&observed=true");
        assertTrue(driver.findElement(By.id("controls")).isDisplayed());
        assertTrue(!driver.findElement(By.id("settings-summary")).isDisplayed());
        driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
        try {
            assertTrue(!driver.findElement(By.id("controls")).isDisplayed(), "controls are not printed");
            assertTrue(!driver.findElement(By.cssSelector(".chart-tools")).isDisplayed(), "buttons are not printed");
            assertEquals("Scenario involuntary-referral; Challenge 0.20; Observed (team, mirror, cameras): yes",
                    driver.findElement(By.id("settings-summary")).getText());
            assertTrue(driver.findElement(By.cssSelector("#retention svg")).isDisplayed());
            screenshot("classroom-print.png");
        } finally {
            driver.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
        }
    }

    /**
     * axe-core (fetched by .ci/fetch-axe.sh into target/axe/) is injected with Selenium's
     * executeScript, which runs through the DevTools protocol and so is not subject to the page's
     * Content-Security-Policy; the page itself still allows no script but its own.
     */
    @Test
    void axeFindsNoSeriousOrCriticalViolations() throws Exception {
        open(page() + "#preset=fragile-alliance-same-challenge&challenge=0.2");
        driver.findElement(By.id("compare")).click();
        js("const s = document.getElementById('repair'); s.value = 0.95; s.dispatchEvent(new Event('input', {bubbles: true}));");
        wait.until(d -> d.findElements(By.cssSelector("#headline .ghost")).size() > 0);
        waitReady();
        driver.findElement(By.id("story-load")).click();
        wait.until(d -> d.findElement(By.id("story-text")).getText().startsWith("Family 0"));
        driver.findElement(By.id("story-next")).click();
        wait.until(d -> d.findElements(By.cssSelector("#story-chart svg")).size() > 0);
        js("document.getElementById('link-notice').textContent = 'Settings restored from the link, except (ignored): x.';");
        List<String> serious = new ArrayList<>();
        for (String mode : List.of("normal", "projector")) {
            if (mode.equals("projector")) {
                driver.findElement(By.id("projector")).click();
            }
            serious.addAll(Chromium.axe(driver, mode));
        }
        assertTrue(serious.isEmpty(), "serious or critical accessibility violations: " + serious);
        List<LogEntry> refused = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getMessage().contains("Content Security Policy")).toList();
        assertTrue(refused.isEmpty(), "the CSP refused: " + refused);
    }
}
