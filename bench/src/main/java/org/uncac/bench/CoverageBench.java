package org.uncac.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.Callable;

/**
 * {@code coverage?asAt=} over ten years of history, against a running suite ({@code ./run.sh}), through the
 * gateway as any client: the States parties × 5 authority types × 10 changes each (designation, eight updates,
 * a withdrawal), then random as-at dates. Only HTTP: the benchmark knows no service's classes.
 * Usage: {@code ./mvnw -q -Pbench -pl bench exec:java -Dbench.main=org.uncac.bench.CoverageBench -Dexec.args="2000"}
 * (arguments: queries per round, gateway base URL).
 */
public final class CoverageBench {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TYPES =
            List.of("PREVENTION", "MUTUAL_LEGAL_ASSISTANCE", "EXTRADITION", "ASSET_RECOVERY", "CIVIL_ADMINISTRATIVE");

    public static void main(String[] args) throws Exception {
        int queries = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        String gateway = args.length > 1 ? args[1] : "http://localhost:8080";
        String token = HttpBench.token(gateway);
        List<String> codes = new ArrayList<>();
        for (JsonNode party : JSON.readTree(HttpBench.get(gateway + "/api/directory/states-parties?asAt=2030-01-01", token).body())) {
            codes.add(party.get("code").asText());
        }
        System.out.printf(Locale.ROOT, "%d parties; recording %d × %d × 10 changes through the gateway ...%n",
                codes.size(), codes.size(), TYPES.size());
        Random random = new Random(42);
        String run = Long.toString(System.currentTimeMillis(), 36);
        long start = System.nanoTime();
        List<String> ids = new ArrayList<>();
        List<Callable<HttpResponse<String>>> designations = new ArrayList<>();
        for (String code : codes) {
            for (String type : TYPES) {
                LocalDate effective = LocalDate.of(2014, 1, 1).plusDays(random.nextInt(365));
                designations.add(() -> HttpBench.postRetryingWhenThrottled(gateway + "/api/directory/authorities", token,
                        entry(code, type, "Central authority " + run + " v0", effective)));
            }
        }
        for (int i = 0; i < designations.size(); i++) {
            ids.add(JSON.readTree(designations.get(i).call().body()).get("id").asText());
        }
        int changes = ids.size();
        for (int version = 1; version <= 9; version++) {
            List<Callable<HttpResponse<String>>> round = new ArrayList<>();
            for (String id : ids) {
                LocalDate effective = LocalDate.of(2015, 1, 1).plusDays(365L * (version - 1) + random.nextInt(300));
                round.add(version < 9
                        ? () -> HttpBench.postRetryingWhenThrottled(gateway + "/api/directory/authorities/" + id + "/updates",
                                token, entry(null, null, "Central authority " + run + " v", effective))
                        : () -> HttpBench.postRetryingWhenThrottled(gateway + "/api/directory/authorities/" + id + "/withdrawal",
                                token, "{\"effective\":\"" + effective + "\",\"reason\":\"replaced\"}"));
            }
            HttpBench.Result result = HttpBench.loadAll(8, round);
            changes += round.size();
            if (result.failures() > 0) {
                System.out.printf(Locale.ROOT, "version %d: %d changes refused%n", version, result.failures());
            }
        }
        System.out.printf(Locale.ROOT, "%,d changes recorded in %.1f s%n", changes, (System.nanoTime() - start) / 1e9);
        for (int round = 1; round <= 3; round++) {
            long[] nanos = new long[queries];
            for (int i = 0; i < queries; i++) {
                LocalDate asAt = LocalDate.of(2013, 1, 1).plusDays(random.nextInt(365 * 11));
                long t = System.nanoTime();
                HttpBench.get(gateway + "/api/directory/coverage?asAt=" + asAt, token);
                nanos[i] = System.nanoTime() - t;
            }
            Arrays.sort(nanos);
            System.out.printf(Locale.ROOT, "round %d, %d coverage?asAt= queries via the gateway: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                    round, queries, nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.99)] / 1e6, nanos[queries - 1] / 1e6);
        }
    }

    /** A designation (with State and type) or an update (without). */
    private static String entry(String code, String type, String name, LocalDate effective) throws Exception {
        var body = JSON.createObjectNode();
        if (code != null) {
            body.put("stateCode", code).put("type", type);
        }
        body.put("name", name).put("effective", effective.toString()).put("postalAddress", "Postal address")
                .put("requirements", "Requirements");
        body.putArray("languages").add("en").add("fr");
        body.putArray("channels").add("direct transmission");
        body.putArray("contacts").addObject().put("name", "Contact person").put("title", "Head of unit")
                .put("phone", "+1 000").put("email", "contact@example.org");
        return JSON.writeValueAsString(body);
    }
}
