package org.uncac.systemtests;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.File;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the console's browser scenarios share: a suite of their own on the embedded store, Debian's headless
 * Chromium driven through the gateway, the steps a person takes (open, sign in, wait for a text, sign out, switch
 * the language), axe-core on every page visited (WCAG 2.1 A and AA rules) and screenshots into docs/screenshots/.
 * The scenarios of a class run in order; each starts signed out.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BrowserScenarios {

    static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() { };
    private static final Path SCREENSHOTS = Path.of("..", "docs", "screenshots");

    final RunningSuite suite = RunningSuite.onEmbeddedMongo();
    WebTestClient api;
    String secretariat;
    WebDriver browser;
    private final Map<String, List<String>> accessibility = new LinkedHashMap<>();

    @BeforeAll
    void startTheBrowser() {
        api = Api.client(suite.gatewayUrl());
        secretariat = Api.token(api, "secretariat", "secretariat-secret");
        await().atMost(Duration.ofSeconds(60)).until(() -> api.get().uri("/api/notes-verbales/all-states-parties?asAt=2025-12-31")
                .headers(h -> h.setBearerAuth(secretariat)).exchange().expectBody(List.class).returnResult()
                .getResponseBody().size() >= 192);
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,1100", "--lang=en-GB", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--disable-quic");
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File("/usr/bin/chromedriver"))
                .build(), options);
        browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    /** Each scenario starts signed out, whatever the one before left behind. */
    @BeforeEach
    void signedOut() {
        open("/assets/console.css");
        browser.manage().deleteAllCookies();
    }

    @AfterAll
    void stopTheBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    void open(String path) {
        browser.get(suite.gatewayUrl() + path);
    }

    WebElement find(String css) {
        try {
            return new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.findElement(By.cssSelector(css)));
        } catch (TimeoutException e) {
            throw new AssertionError("no " + css + " on " + browser.getCurrentUrl() + ":\n" + abbreviate(browser.getPageSource()), e);
        }
    }

    /**
     * Waits until the element's text contains what is expected: after a form htmx sends, the page shows what it
     * showed before until the new content replaces it.
     */
    void shows(String css, String expected) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> {
                try {
                    return d.findElement(By.cssSelector(css)).getText().contains(expected);
                } catch (NoSuchElementException | StaleElementReferenceException e) {
                    return false;
                }
            });
        } catch (TimeoutException e) {
            throw new AssertionError("no " + css + " showing \"" + expected + "\" on " + browser.getCurrentUrl() + ":\n"
                    + abbreviate(browser.getPageSource()), e);
        }
    }

    static String abbreviate(String page) {
        return page.length() > 3000 ? page.substring(0, 3000) + "…" : page;
    }

    /**
     * Types the person's name and password into the sign-in page and sends it, then waits until the browser has
     * left that page: a scenario signing in again right after a refusal finds the new page, not the old one's fields.
     */
    void signIn(String username, String password) {
        for (int attempt = 1; ; attempt++) {
            try {
                WebElement name = find("#username");
                name.clear();
                name.sendKeys(username);
                WebElement secret = find("#password");
                secret.clear();
                secret.sendKeys(password);
                WebElement send = find("button[type=submit]");
                send.click();
                new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> gone(send));
                return;
            } catch (StaleElementReferenceException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Whether an element has left the document (the page it was on was replaced); Chromium says so in two ways. */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException e) {
            return true;
        }
    }

    void signOut() {
        find("header .who button[type=submit]").click();
        try {
            new WebDriverWait(browser, Duration.ofSeconds(15)).until(d -> d.getCurrentUrl().contains("/signed-out"));
        } catch (TimeoutException e) {
            throw new AssertionError("not signed out: " + browser.getCurrentUrl() + ":\n" + abbreviate(browser.getPageSource()), e);
        }
    }

    /** Runs a script in the page and gives its result. */
    Object script(String script) {
        return ((JavascriptExecutor) browser).executeScript(script);
    }

    /** axe-core on the page as it is now; every violation, whatever its impact, is kept to fail the last scenario. */
    void checkAccessibility(String page) {
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(browser);
        List<String> found = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            found.add(violation.getId() + " (" + violation.getImpact() + "): " + violation.getHelp() + " at "
                    + violation.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(3).toList());
        }
        accessibility.put(page, found);
    }

    /** Fails on any violation axe-core found on the pages checked; writes the report to {@code target/<report>}. */
    void noViolationOnThePagesChecked(String report, int pagesAtLeast) throws IOException {
        StringBuilder text = new StringBuilder();
        accessibility.forEach((page, violations) -> text.append(page).append(": ").append(violations.size())
                .append(violations.isEmpty() ? "" : " " + violations).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target", report), text);
        System.out.print(text);
        assertThat(accessibility).as("pages checked").hasSizeGreaterThanOrEqualTo(pagesAtLeast);
        assertThat(accessibility.values()).as(text.toString()).allSatisfy(violations -> assertThat(violations).isEmpty());
    }

    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
    }

    void language(String lang) {
        open("/language?lang=" + lang + "&back=" + URLEncoder.encode(
                browser.getCurrentUrl().replace(suite.gatewayUrl(), ""), StandardCharsets.UTF_8));
    }
}
