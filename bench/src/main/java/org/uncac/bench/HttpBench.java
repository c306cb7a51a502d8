package org.uncac.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Collections;

/**
 * Against a running suite (./run.sh): the same query and command through the gateway and straight to the
 * service at several concurrencies, the projection lag (acknowledged write to visible read), and the deadline
 * rush (190 responses to one note at once), and {@code response-rate?asAt=} over ten years of notes verbales.
 * Usage, with the suite up: {@code ./mvnw -q -Pbench -pl bench exec:java -Dbench.main=org.uncac.bench.HttpBench
 * -Dbench.only=proxy|lag|rush|asat} (default all); arguments: gateway, directory, notes-verbales and recommendations base URLs.
 */
public final class HttpBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    public static void main(String[] args) throws Exception {
        String gateway = args.length > 0 ? args[0] : "http://localhost:8080";
        String directory = args.length > 1 ? args[1] : "http://localhost:8081";
        String token = token(gateway);
        String only = System.getProperty("bench.only", "all");   // all | proxy | lag | rush | asat
        int rushRounds = Integer.getInteger("bench.rounds", 3);

        if (only.equals("all") || only.equals("proxy")) {
            proxy(gateway, directory, token);
        }
        if (only.equals("all") || only.equals("lag")) {
            lag(gateway, args.length > 3 ? args[3] : "http://localhost:8084", token);
        }
        if (only.equals("all") || only.equals("rush")) {
            rush(gateway, token, rushRounds);
        }
        if (only.equals("all") || only.equals("asat")) {
            asAt(gateway, args.length > 2 ? args[2] : "http://localhost:8082", token);
        }
    }

    /**
     * Ten years of notes verbales: 50 notes issued 73 days apart from 2016, each answered by all its addressees
     * (the parties as at its issue date) within a year of issue, recorded through the gateway, then {@code response-rate?asAt=}
     * for a random note on a random date, through the gateway and straight to the service.
     */
    private static void asAt(String gateway, String notesService, String token) throws Exception {
        System.out.println("== as-at: response-rate?asAt= over 50 notes x 190 responses");
        Random random = new Random(7);
        LocalDate first = LocalDate.of(2016, 1, 4);
        List<String> notes = tenYearsOfNotes(gateway, token);
        Thread.sleep(5_000);
        for (int concurrency : new int[] {1, 8}) {
            List<Callable<HttpResponse<String>>> viaGateway = new ArrayList<>();
            List<Callable<HttpResponse<String>>> direct = new ArrayList<>();
            for (int i = 0; i < 2_000; i++) {
                String path = "/api/notes-verbales/" + notes.get(random.nextInt(notes.size())) + "/response-rate?asAt="
                        + first.plusDays(random.nextInt(3_900));
                viaGateway.add(() -> get(gateway + path, token));
                direct.add(() -> get(notesService + path, token));
            }
            loadAll(concurrency, viaGateway.subList(0, 1_000));   // warm-up of both paths (JIT, caches)
            loadAll(concurrency, direct.subList(0, 1_000));
            Result g = loadAll(concurrency, viaGateway);
            Result d = loadAll(concurrency, direct);
            System.out.printf(Locale.ROOT, "c=%d  gateway p50 %.2f p99 %.2f ms %.0f req/s | direct p50 %.2f p99 %.2f ms %.0f req/s%n",
                    concurrency, g.p50(), g.p99(), g.throughput(), d.p50(), d.p99(), d.throughput());
        }
    }

    /**
     * The benchmark data set: ten years of notes verbales, 50 notes issued 73 days apart from 4 January 2016 to all
     * States parties, each answered by all its addressees within a year of issue, recorded through the gateway.
     * Returns the notes' ids.
     */
    static List<String> tenYearsOfNotes(String gateway, String token) throws Exception {
        Random random = new Random(7);
        List<String> notes = new ArrayList<>();
        List<Callable<HttpResponse<String>>> responses = new ArrayList<>();
        LocalDate first = LocalDate.of(2016, 1, 4);
        for (int n = 0; n < 50; n++) {
            LocalDate issued = first.plusDays(73L * n);
            JsonNode note = JSON.readTree(post(gateway + "/api/notes-verbales", token, "{\"reference\":\"ASAT/" + UUID.randomUUID()
                    + "\",\"subject\":\"as at\",\"addressees\":\"ALL_STATES_PARTIES\",\"deadline\":\"" + issued.plusDays(60)
                    + "\",\"questions\":[{\"id\":\"q1\",\"text\":\"?\"}]}").body());
            String noteId = note.get("id").asText();
            notes.add(noteId);
            JsonNode addressees = JSON.readTree(post(gateway + "/api/notes-verbales/" + noteId + "/issuance", token,
                    "{\"date\":\"" + issued + "\"}").body()).get("addressees");
            for (JsonNode state : addressees) {
                LocalDate received = issued.plusDays(random.nextInt(365));
                responses.add(() -> postRetryingWhenThrottled(gateway + "/api/notes-verbales/" + noteId + "/responses", token,
                        "{\"stateCode\":\"" + state.asText() + "\",\"receivedOn\":\"" + received
                                + "\",\"substantive\":true,\"answers\":{\"q1\":\"yes\"}}"));
            }
        }
        Result recorded = loadAll(32, responses);
        System.out.printf(Locale.ROOT, "recorded %d responses in %.0f s (%d not 201)%n", responses.size(), recorded.seconds(),
                recorded.failures());
        return notes;
    }

    private static void proxy(String gateway, String directory, String token) throws Exception {
        System.out.println("== gateway vs direct: GET /api/directory/states-parties/AUT");
        for (int concurrency : new int[] {1, 8, 32}) {
            Result viaGateway = load(concurrency, 600, () -> get(gateway + "/api/directory/states-parties/AUT", token));
            Result direct = load(concurrency, 600, () -> get(directory + "/api/directory/states-parties/AUT", token));
            System.out.printf(Locale.ROOT, "c=%2d  gateway p50 %.2f p99 %.2f ms %.0f req/s | direct p50 %.2f p99 %.2f ms %.0f req/s | p50 ratio %.2f%n",
                    concurrency, viaGateway.p50(), viaGateway.p99(), viaGateway.throughput(), direct.p50(), direct.p99(),
                    direct.throughput(), viaGateway.p50() / direct.p50());
        }
        System.out.println("== gateway vs direct: POST /api/directory/states-parties/XBN/renamings (a command)");
        post(gateway + "/api/directory/states-parties", token, "{\"code\":\"XBN\",\"name\":\"Bench 0\",\"kind\":\"STATE\",\"partySince\":\"2030-01-01\"}");
        for (int concurrency : new int[] {1, 8}) {
            Result viaGateway = load(concurrency, 300, () -> post(gateway + "/api/directory/states-parties/XBN/renamings", token,
                    "{\"name\":\"Bench " + UUID.randomUUID() + "\",\"effective\":\"2031-01-01\"}"));
            Result direct = load(concurrency, 300, () -> post(directory + "/api/directory/states-parties/XBN/renamings", token,
                    "{\"name\":\"Bench " + UUID.randomUUID() + "\",\"effective\":\"2031-01-01\"}"));
            System.out.printf(Locale.ROOT, "c=%2d  gateway p50 %.2f p99 %.2f ms %.0f req/s | direct p50 %.2f p99 %.2f ms %.0f req/s | p50 ratio %.2f%n",
                    concurrency, viaGateway.p50(), viaGateway.p99(), viaGateway.throughput(), direct.p50(), direct.p99(),
                    direct.throughput(), viaGateway.p50() / direct.p50());
        }

    }

    /**
     * Acknowledged write to visible read, one write after another: polled through the gateway (what a client
     * sees, a GET's own latency included) and straight at the service (the projection's lag alone).
     */
    private static void lag(String gateway, String service, String token) throws Exception {
        System.out.println("== projection lag: POST /api/recommendations acknowledged -> GET /api/recommendations/{id} visible");
        for (String reader : new String[] {gateway, service}) {
            double[] lags = new double[200];
            int[] misses = new int[lags.length];
            for (int i = 0; i < lags.length; i++) {
                JsonNode created = JSON.readTree(post(gateway + "/api/recommendations", token,
                        "{\"resolution\":\"Bench resolution\",\"paragraph\":\"" + i + "\",\"text\":\"lag probe\",\"addressee\":\"SECRETARIAT\"}").body());
                long acknowledged = System.nanoTime();
                String id = created.get("id").asText();
                while (get(reader + "/api/recommendations/" + id, token).statusCode() != 200) {
                    misses[i]++;
                    Thread.sleep(1);
                }
                lags[i] = (System.nanoTime() - acknowledged) / 1e6;
                Thread.sleep(20);
            }
            Arrays.sort(lags);
            Arrays.sort(misses);
            System.out.printf(Locale.ROOT, "read via %s, %d writes: p50 %.1f ms, p99 %.1f ms, max %.1f ms; reads that missed: p50 %d, p99 %d%n",
                    reader, lags.length, lags[lags.length / 2], lags[(int) (lags.length * 0.99)], lags[lags.length - 1],
                    misses[misses.length / 2], misses[(int) (misses.length * 0.99)]);
        }
    }

    /**
     * Rounds of 190 responses to a fresh note, all sent at once; the first {@code bench.warmup} rounds are not
     * reported (the JIT compilers of seven JVMs share two cores with the load). After each round, the rate is
     * read back until it counts every acknowledged response, and the time that took is reported.
     */
    private static void rush(String gateway, String token, int rounds) throws Exception {
        int warmup = Integer.getInteger("bench.warmup", 3);
        int concurrency = Integer.getInteger("bench.concurrency", 64);
        System.out.printf(Locale.ROOT, "== deadline rush: 190 responses to one note, all at once (%d client threads, "
                + "%d warm-up rounds not shown)%n", concurrency, warmup);
        for (int round = 1 - warmup; round <= rounds; round++) {
            JsonNode note = JSON.readTree(post(gateway + "/api/notes-verbales", token, "{\"reference\":\"BENCH/" + UUID.randomUUID()
                    + "\",\"subject\":\"rush\",\"addressees\":\"ALL_STATES_PARTIES\",\"deadline\":\"2024-06-30\",\"questions\":[{\"id\":\"q1\",\"text\":\"?\"}]}").body());
            String noteId = note.get("id").asText();
            JsonNode issued = JSON.readTree(post(gateway + "/api/notes-verbales/" + noteId + "/issuance", token, "{\"date\":\"2024-04-20\"}").body());
            List<String> states = new ArrayList<>();
            issued.get("addressees").forEach(s -> states.add(s.asText()));
            List<Callable<HttpResponse<String>>> calls = new ArrayList<>();
            for (String state : states) {
                calls.add(() -> post(gateway + "/api/notes-verbales/" + noteId + "/responses", token,
                        "{\"stateCode\":\"" + state + "\",\"receivedOn\":\"2024-05-31\",\"substantive\":true,\"answers\":{\"q1\":\"yes\"}}"));
            }
            Result rush = loadAll(concurrency, calls);
            long acknowledged = System.nanoTime();
            int counted = 0;
            int addressees = 0;
            while (System.nanoTime() - acknowledged < 30_000_000_000L) {
                JsonNode rate = JSON.readTree(get(gateway + "/api/notes-verbales/" + noteId + "/response-rate?asAt=2024-06-01", token).body());
                counted = rate.get("responded").asInt();
                addressees = rate.get("addressees").asInt();
                if (counted >= states.size() - rush.failures()) {
                    break;
                }
                Thread.sleep(10);
            }
            double visibleMs = (System.nanoTime() - acknowledged) / 1e6;
            if (round >= 1) {
                System.out.printf(Locale.ROOT, "round %d: %d responses in %.2f s = %.0f responses/s, p50 %.1f ms, p99 %.1f ms, "
                                + "%d non-201; counted %d of %d, all visible %.0f ms after the last acknowledgement%n",
                        round, states.size(), rush.seconds(), rush.throughput(), rush.p50(), rush.p99(), rush.failures(),
                        counted, addressees, visibleMs);
            }
        }
    }

    record Result(double p50, double p99, double throughput, double seconds, int failures) {
    }

    private static Result load(int concurrency, int requests, Callable<HttpResponse<String>> call) throws Exception {
        loadAll(concurrency, Collections.nCopies(Math.min(50, requests), call));   // warm-up
        return loadAll(concurrency, Collections.nCopies(requests, call));
    }

    static Result loadAll(int concurrency, List<Callable<HttpResponse<String>>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(concurrency);
        double[] millis = new double[calls.size()];
        int[] failures = new int[1];
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < calls.size(); i++) {
            int index = i;
            futures.add(pool.submit(() -> {
                long t = System.nanoTime();
                HttpResponse<String> response = calls.get(index).call();
                millis[index] = (System.nanoTime() - t) / 1e6;
                if (response.statusCode() >= 300) {
                    synchronized (failures) {
                        failures[0]++;
                    }
                }
                return null;
            }));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        Arrays.sort(millis);
        return new Result(millis[millis.length / 2], millis[(int) (millis.length * 0.99)], calls.size() / seconds, seconds, failures[0]);
    }

    static String token(String gateway) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("secretariat:secretariat-secret".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        return JSON.readTree(HTTP.send(request, HttpResponse.BodyHandlers.ofString()).body()).get("access_token").asText();
    }

    static HttpResponse<String> get(String url, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Sends again after the gateway's Retry-After while it answers 429: the data set needs every response. */
    static HttpResponse<String> postRetryingWhenThrottled(String url, String token, String body) throws Exception {
        HttpResponse<String> response = post(url, token, body);
        while (response.statusCode() == 429) {
            Thread.sleep(1_000L * Long.parseLong(response.headers().firstValue("Retry-After").orElse("1")));
            response = post(url, token, body);
        }
        return response;
    }

    static HttpResponse<String> post(String url, String token, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
