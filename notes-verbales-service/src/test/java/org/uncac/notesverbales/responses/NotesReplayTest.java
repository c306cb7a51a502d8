package org.uncac.notesverbales.responses;

import org.uncac.notesverbales.notes.NotesQueries;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.gateway.EventGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.uncac.notesverbales.notes.NoteCommands;
import org.uncac.notesverbales.notes.Question;
import org.uncac.notesverbales.parties.DirectoryEvents;
import org.uncac.notesverbales.parties.PartiesReplica;
import org.uncac.platform.test.WithInMemoryMongo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Every read model of the service is rebuilt from the event store alone, with identical answers. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
class NotesReplayTest extends WithInMemoryMongo {

    @Autowired
    CommandGateway commands;
    @Autowired
    EventGateway events;
    @Autowired
    NotesQueries queries;

    @Autowired
    ResponsesQueries rates;
    @Autowired
    PartiesReplica parties;
    @Autowired
    EventProcessingConfiguration processing;

    @Test
    void replayingEveryProcessorGivesIdenticalRates() {
        events.publish(new DirectoryEvents.StatePartyRegistered("AUT", "Austria", LocalDate.of(2006, 1, 11), "WESTERN_EUROPEAN_AND_OTHERS"),
                new DirectoryEvents.StatePartyRegistered("KEN", "Kenya", LocalDate.of(2003, 12, 9), "AFRICAN"),
                new DirectoryEvents.StatePartyRegistered("JPN", "Japan", LocalDate.of(2017, 7, 11), "ASIA_PACIFIC"));
        await().atMost(Duration.ofSeconds(5)).until(() -> parties.asAt(LocalDate.of(2018, 1, 1)).block().size() == 3);

        commands.sendAndWait(new NoteCommands.DraftNoteVerbale("n1", new NoteCommands.Draft("CU 2017/11", "s", "b",
                List.of(new Question("q1", "?", null, null)), List.of(), List.of(), null, LocalDate.of(2017, 3, 31)), "secretariat"));
        List<String> addressees = commands.sendAndWait(new NoteCommands.IssueNoteVerbale("n1", LocalDate.of(2017, 1, 17), null,
                parties.asAt(LocalDate.of(2017, 1, 17)).block().stream().map(PartiesReplica.Party::code).toList(), "secretariat"));
        assertThat(addressees).containsExactly("AUT", "KEN");
        commands.sendAndWait(new ResponseCommands.SubmitResponse("r1", "n1", "AUT", LocalDate.of(2017, 2, 10), false,
                Map.of("q1", "x"), null, List.of(), "secretariat"));
        commands.sendAndWait(new ResponseCommands.SubmitResponse("r2", "n1", "AUT", LocalDate.of(2017, 3, 1), true,
                Map.of("q1", "y"), null, List.of(), "secretariat"));
        commands.sendAndWait(new ResponseCommands.SubmitResponse("r3", "n1", "KEN", LocalDate.of(2017, 6, 1), true,
                Map.of(), null, List.of(), "secretariat"));

        List<LocalDate> dates = List.of(LocalDate.of(2017, 2, 15), LocalDate.of(2017, 3, 15), LocalDate.of(2017, 8, 21));
        await().atMost(Duration.ofSeconds(5)).until(() -> rates(dates).get(2).startsWith("2 responded"));
        List<String> before = rates(dates);
        assertThat(before).containsExactly("1 responded 0 substantive of 2", "1 responded 1 substantive of 2",
                "2 responded 2 substantive of 2");

        for (EventProcessor processor : processing.eventProcessors().values()) {
            processor.shutDown();
            ((TrackingEventProcessor) processor).resetTokens();
        }
        assertThat(queries.note("n1").blockOptional()).isEmpty();
        processing.eventProcessors().values().forEach(EventProcessor::start);
        await().atMost(Duration.ofSeconds(10)).until(() -> queries.note("n1").blockOptional().isPresent()
                && rates(dates).equals(before));
        assertThat(rates(dates)).isEqualTo(before);
    }

    private List<String> rates(List<LocalDate> dates) {
        return dates.stream().map(date -> queries.note("n1").flatMap(note -> rates.responseRate(note, date, null))
                .map(r -> r.responded() + " responded " + r.substantive() + " substantive of " + r.addressees())
                .blockOptional().orElse("none")).toList();
    }
}
