package org.uncac.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Against a running suite (./run.sh): the console's pages as a signed-in person asks for them through the gateway,
 * over the benchmark data set (ten years of notes verbales, {@link HttpBench#tenYearsOfNotes}), recorded first
 * unless {@code -Dbench.seed=false}. Each page is asked for one request after another (a person reads one page at
 * a time), after a warm-up; the time is the whole page, from the request to its last byte.
 * Usage: {@code ./mvnw -q -Pbench -pl bench exec:java -Dbench.main=org.uncac.bench.ConsoleBench [-Dbench.requests=100]}.
 */
public final class ConsoleBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://localhost:8080";
        int requests = Integer.getInteger("bench.requests", 100);
        String token = HttpBench.token(gateway);
        List<String> notes = Boolean.parseBoolean(System.getProperty("bench.seed", "true"))
                ? HttpBench.tenYearsOfNotes(gateway, token) : benchNotes(gateway, token);
        Thread.sleep(5_000);
        Random random = new Random(11);
        LocalDate first = LocalDate.of(2016, 1, 4);
        Supplier<String> anyNote = () -> notes.get(random.nextInt(notes.size()));
        Supplier<String> anyDate = () -> first.plusDays(random.nextInt(3_900)).toString();

        HttpClient officer = signedIn(gateway, "officer", "officer-secret");
        Map<String, Supplier<String>> secretariat = new LinkedHashMap<>();
        secretariat.put("/notes/open (home)", () -> "/notes/open");
        secretariat.put("/notes/open?asAt=", () -> "/notes/open?asAt=" + anyDate.get());
        secretariat.put("/notes (all, " + "filters none)", () -> "/notes");
        secretariat.put("/notes?q=", () -> "/notes?q=as+at&year=2020");
        secretariat.put("/notes/{id} (today)", () -> "/notes/" + anyNote.get());
        secretariat.put("/notes/{id}?asAt=", () -> "/notes/" + anyNote.get() + "?asAt=" + anyDate.get());
        secretariat.put("/notes/{id}?asAt=&recordedBy=", () -> "/notes/" + anyNote.get() + "?asAt=" + anyDate.get()
                + "&recordedBy=" + URLEncoder.encode(Instant.now().toString(), StandardCharsets.UTF_8));
        secretariat.put("/people", () -> "/people");
        List<String> meetings = ids(gateway + "/api/meetings", token);
        List<String> recommendations = ids(gateway + "/api/recommendations", token);
        Supplier<String> anyMeeting = () -> meetings.get(random.nextInt(meetings.size()));
        if (!meetings.isEmpty()) {
            secretariat.put("/meetings", () -> "/meetings");
            secretariat.put("/meetings?view=calendar", () -> "/meetings?view=calendar");
            secretariat.put("/meetings/{id}", () -> "/meetings/" + anyMeeting.get());
            secretariat.put("/meetings/{id}/agenda (editor)", () -> "/meetings/" + anyMeeting.get() + "/agenda");
            secretariat.put("/recommendations/progress-note?meeting=", () -> "/recommendations/progress-note?meeting=" + anyMeeting.get());
        }
        secretariat.put("/directory", () -> "/directory");
        secretariat.put("/directory/coverage (five years, monthly)", () -> "/directory/coverage");
        secretariat.put("/directory/coverage?asAt=", () -> "/directory/coverage?asAt=" + anyDate.get());
        secretariat.put("/recommendations (board)", () -> "/recommendations");
        if (!recommendations.isEmpty()) {
            secretariat.put("/recommendations/{id}", () -> "/recommendations/" + recommendations.get(random.nextInt(recommendations.size())));
        }
        System.out.printf(Locale.ROOT, "== console pages, %d notes verbales, %d requests each, one at a time%n", notes.size(), requests);
        System.out.println("-- secretariat officer");
        measure(officer, gateway, secretariat, requests);

        HttpClient austria = signedIn(gateway, "aut-focal-point", "aut-secret");
        Map<String, Supplier<String>> focalPoint = new LinkedHashMap<>();
        focalPoint.put("/my-notes (home)", () -> "/my-notes");
        focalPoint.put("/my-notes/{id} (answer form)", () -> "/my-notes/" + anyNote.get());
        focalPoint.put("/ledger", () -> "/ledger");
        System.out.println("-- focal point of Austria");
        measure(austria, gateway, focalPoint, requests);
    }

    private static void measure(HttpClient person, String gateway, Map<String, Supplier<String>> pages, int requests)
            throws Exception {
        for (Map.Entry<String, Supplier<String>> page : pages.entrySet()) {
            for (int i = 0; i < Math.min(20, requests); i++) {
                page(person, gateway + page.getValue().get());
            }
            double[] millis = new double[requests];
            long bytes = 0;
            int failures = 0;
            for (int i = 0; i < requests; i++) {
                long start = System.nanoTime();
                HttpResponse<String> response = page(person, gateway + page.getValue().get());
                millis[i] = (System.nanoTime() - start) / 1e6;
                bytes += response.body().length();
                failures += response.statusCode() == 200 ? 0 : 1;
            }
            Arrays.sort(millis);
            System.out.printf(Locale.ROOT, "%-34s p50 %6.1f  p95 %6.1f  p99 %6.1f  max %6.1f ms  %5.1f KB%s%n", page.getKey(),
                    millis[requests / 2], millis[(int) (requests * 0.95)], millis[(int) (requests * 0.99)], millis[requests - 1],
                    bytes / 1024.0 / requests, failures == 0 ? "" : "  (" + failures + " not 200)");
        }
    }

    private static HttpResponse<String> page(HttpClient person, String url) throws Exception {
        return person.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Signs a person in as a browser does: the console sends it to the auth-server's sign-in page and back. */
    static HttpClient signedIn(String gateway, String username, String password) throws Exception {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> signIn = page(browser, gateway + "/");
        Matcher csrf = CSRF.matcher(signIn.body());
        if (!signIn.uri().getPath().equals("/auth/sign-in") || !csrf.find()) {
            throw new IllegalStateException("no sign-in page at " + signIn.uri());
        }
        String form = "username=" + URLEncoder.encode(username, StandardCharsets.UTF_8) + "&password="
                + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> home = browser.send(HttpRequest.newBuilder(URI.create(gateway + "/auth/sign-in"))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (home.statusCode() != 200 || home.uri().getPath().startsWith("/auth/")) {
            throw new IllegalStateException(username + " not signed in: " + home.statusCode() + " at " + home.uri());
        }
        return browser;
    }

    private static List<String> ids(String url, String token) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode thing : JSON.readTree(HttpBench.get(url, token).body())) {
            ids.add(thing.get("id").asText());
        }
        return ids;
    }

    /** The data set recorded by an earlier run: the notes whose reference starts with ASAT/. */
    private static List<String> benchNotes(String gateway, String token) throws Exception {
        List<String> ids = new ArrayList<>();
        for (JsonNode note : JSON.readTree(HttpBench.get(gateway + "/api/notes-verbales?q=ASAT", token).body())) {
            ids.add(note.get("id").asText());
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no benchmark notes: run once without -Dbench.seed=false");
        }
        return ids;
    }
}
