package org.uncac.bench;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.uncac.directory.DirectoryApplication;
import org.uncac.directory.authorities.AuthoritiesQueries;
import org.uncac.directory.authorities.AuthorityCommands.DesignateAuthority;
import org.uncac.directory.authorities.AuthorityCommands.UpdateAuthority;
import org.uncac.directory.authorities.AuthorityCommands.WithdrawAuthority;
import org.uncac.directory.authorities.AuthorityDetails;
import org.uncac.directory.authorities.AuthorityType;
import org.uncac.directory.parties.StatePartiesQueries;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;

/**
 * {@code coverage?asAt=} over ten years of history: the 192 parties × 5 authority types × 10 changes each
 * (designation, eight updates, a withdrawal or a replacement), then random as-at dates.
 * Usage: {@code ./mvnw -q -Pbench -pl bench exec:java -Dbench.main=org.uncac.bench.CoverageBench -Dexec.args="2000"}
 */
public final class CoverageBench {

    public static void main(String[] args) throws Exception {
        int queries = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        MongoServer server = new MongoServer(new MemoryBackend());
        String uri = server.bindAndGetConnectionString();
        ConfigurableApplicationContext context = new SpringApplicationBuilder(DirectoryApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.data.mongodb.uri=" + uri, "--logging.level.root=WARN", "--spring.main.banner-mode=off");
        try {
            CommandGateway commands = context.getBean(CommandGateway.class);
            StatePartiesQueries parties = context.getBean(StatePartiesQueries.class);
            AuthoritiesQueries authorities = context.getBean(AuthoritiesQueries.class);
            List<String> codes = parties.asAt(LocalDate.of(2030, 1, 1), null).map(StatePartiesQueries.PartyView::code)
                    .collectList().block();
            System.out.printf(Locale.ROOT, "%d parties; recording 192 × 5 × 10 changes ...%n", codes.size());
            Random random = new Random(42);
            long start = System.nanoTime();
            int changes = 0;
            List<CompletableFuture<Object>> pending = new ArrayList<>();
            for (String code : codes) {
                for (AuthorityType type : AuthorityType.values()) {
                    String id = code + "-" + type;
                    LocalDate effective = LocalDate.of(2014, 1, 1).plusDays(random.nextInt(365));
                    pending.add(commands.send(new DesignateAuthority(id, code, type, details("v0"), effective, "bench", null)));
                    changes++;
                }
            }
            pending.forEach(CompletableFuture::join);
            pending.clear();
            for (int version = 1; version <= 9; version++) {
                for (String code : codes) {
                    for (AuthorityType type : AuthorityType.values()) {
                        String id = code + "-" + type;
                        LocalDate effective = LocalDate.of(2015, 1, 1).plusDays(365L * (version - 1) + random.nextInt(300));
                        pending.add(version < 9
                                ? commands.send(new UpdateAuthority(id, details("v" + version), effective, "bench", null))
                                : commands.send(new WithdrawAuthority(id, effective, "replaced", "bench", null)));
                        changes++;
                    }
                }
                pending.forEach(CompletableFuture::join);
                pending.clear();
            }
            System.out.printf(Locale.ROOT, "%,d changes recorded in %.1f s%n", changes, (System.nanoTime() - start) / 1e9);
            // wait until the read model holds every change
            while (authorities.coverage(LocalDate.of(2030, 1, 1), null).block().byType().values().stream().mapToInt(i -> i).sum() != 0
                    || authorities.coverage(LocalDate.of(2020, 6, 1), null).block().byType().get(AuthorityType.PREVENTION) < 150) {
                Thread.sleep(200);
            }
            for (int round = 1; round <= 3; round++) {
                long[] nanos = new long[queries];
                for (int i = 0; i < queries; i++) {
                    LocalDate asAt = LocalDate.of(2013, 1, 1).plusDays(random.nextInt(365 * 11));
                    long t = System.nanoTime();
                    authorities.coverage(asAt, null).block();
                    nanos[i] = System.nanoTime() - t;
                }
                Arrays.sort(nanos);
                System.out.printf(Locale.ROOT, "round %d, %d coverage?asAt= queries: p50 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                        round, queries, nanos[queries / 2] / 1e6, nanos[(int) (queries * 0.99)] / 1e6, nanos[queries - 1] / 1e6);
            }
        } finally {
            context.close();
            server.shutdownNow();
        }
    }

    private static AuthorityDetails details(String version) {
        return new AuthorityDetails("Central authority " + version, "Postal address", List.of(
                new AuthorityDetails.Contact("Contact person", "Head of unit", "+1 000", "contact@example.org")),
                List.of("en", "fr"), List.of("direct transmission"), "Requirements " + version, List.of("item"));
    }
}
