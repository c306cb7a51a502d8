package org.uncac.meetings.proceedings;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Filters;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.uncac.meetings.MeetingsApplication;
import org.uncac.meetings.proceedings.MeetingCommands.ConveneMeeting;
import org.uncac.meetings.proceedings.MeetingCommands.OpenSilenceProcedure;
import org.uncac.meetings.proceedings.MeetingModel.Format;
import org.uncac.platform.test.InMemoryMongo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The silence procedure on the secretariat's clock: opened with a deadline still to come, it is not concluded
 * before the deadline has passed; after it, the report is adopted exactly once, however many sweeps run, on
 * however many instances, across a restart in between.
 */
class SilenceProcedureSweepTest {

    private static final ZoneId VIENNA = ZoneId.of("Europe/Vienna");
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-06-01T08:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return VIENNA;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private InMemoryMongo mongo;

    @BeforeEach
    void startMongo() {
        mongo = InMemoryMongo.start();
    }

    @AfterEach
    void stopMongo() {
        mongo.close();
    }

    /** An instance of the service on the test's clock, whose sweep runs only when the test calls it. */
    private ConfigurableApplicationContext instance(String name) {
        return new SpringApplicationBuilder(MeetingsApplication.class).web(WebApplicationType.NONE)
                .initializers(context -> context.getBeanFactory().registerSingleton("clock", clock))
                .run("--spring.data.mongodb.uri=" + mongo.connectionString(), "--uncac.meetings.silence-sweep=PT1H",
                        "--spring.jmx.enabled=false", "--spring.application.name=meetings-" + name);
    }

    private long reportsAdopted(String meetingId) {
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            return client.getDatabase("uncac").getCollection("events").countDocuments(Filters.and(
                    Filters.eq("aggregateIdentifier", meetingId),
                    Filters.eq("payloadType", "meetings.ReportAdopted")));
        }
    }

    @Test
    void aProcedureOpenedBeforeARestartIsConcludedOnceAfterItsDeadlineHoweverManySweepsRun() throws Exception {
        String meeting = "m-silence";
        try (ConfigurableApplicationContext first = instance("first")) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            commands.sendAndWait(new ConveneMeeting(meeting, "EXPERT_MEETING_INTERNATIONAL_COOPERATION", 31,
                    "Thirty-first meeting", "Vienna", LocalDate.of(2026, 5, 25), LocalDate.of(2026, 5, 27), Format.HYBRID,
                    null, "secretariat"));
            commands.sendAndWait(new OpenSilenceProcedure(meeting, LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 10),
                    "secretariat"));
            SilenceProcedureSweep sweep = first.getBean(SilenceProcedureSweep.class);
            MeetingsQueries queries = first.getBean(MeetingsQueries.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> queries.all().block().stream()
                    .anyMatch(m -> meeting.equals(m.id()) && m.silence() != null));
            sweep.sweep();
            now.set(Instant.parse("2026-06-10T21:59:00Z"));   // 23:59 on the deadline in Vienna: still open
            sweep.sweep();
        }
        assertThat(reportsAdopted(meeting)).as("before the deadline has passed").isZero();

        now.set(Instant.parse("2026-06-10T22:01:00Z"));       // 00:01 on 11 June in Vienna
        try (ConfigurableApplicationContext second = instance("second"); ConfigurableApplicationContext third = instance("third")) {
            SilenceProcedureSweep one = second.getBean(SilenceProcedureSweep.class);
            SilenceProcedureSweep other = third.getBean(SilenceProcedureSweep.class);
            MeetingsQueries queries = second.getBean(MeetingsQueries.class);
            await().atMost(Duration.ofSeconds(10)).until(() -> queries.all().block().stream()
                    .anyMatch(m -> meeting.equals(m.id()) && m.silence() != null));
            CompletableFuture.allOf(CompletableFuture.runAsync(one::sweep), CompletableFuture.runAsync(other::sweep),
                    CompletableFuture.runAsync(one::sweep)).get();
            other.sweep();
            await().atMost(Duration.ofSeconds(10)).until(() -> queries.all().block().stream()
                    .anyMatch(m -> meeting.equals(m.id()) && m.report() != null));
            one.sweep();
        }
        assertThat(reportsAdopted(meeting)).as("after the deadline, with four sweeps on two instances").isOne();
        try (MongoClient client = MongoClients.create(mongo.connectionString())) {
            String payload = client.getDatabase("uncac").getCollection("events").find(Filters.and(
                    Filters.eq("aggregateIdentifier", meeting),
                    Filters.eq("payloadType", "meetings.ReportAdopted"))).first().getString("payload");
            assertThat(payload).contains("\"date\":\"2026-06-10\"").contains("SILENCE_PROCEDURE");
        }
    }
}
