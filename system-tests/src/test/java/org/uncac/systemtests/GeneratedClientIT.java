package org.uncac.systemtests;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.uncac.client.notesverbales.ApiClient;
import org.uncac.client.notesverbales.ApiException;
import org.uncac.client.notesverbales.api.NotesVerbalesApi;
import org.uncac.client.notesverbales.api.ResponsesApi;
import org.uncac.client.notesverbales.model.DraftRequest;
import org.uncac.client.notesverbales.model.IssuanceRequest;
import org.uncac.client.notesverbales.model.NoteSummary;
import org.uncac.client.notesverbales.model.NoteView;
import org.uncac.client.notesverbales.model.QuestionRequest;
import org.uncac.client.notesverbales.model.ResponseReceipt;
import org.uncac.client.notesverbales.model.ResponseRequest;
import org.uncac.client.notesverbales.model.ResponseView;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * A State's software as its developer would write it, with the Java client OpenAPI Generator makes from the
 * notes verbales document the gateway serves (no class of this project): a token for its client, the notes
 * addressed to it, its response, and its receipt read back, all as typed models.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GeneratedClientIT {

    private static final String STATE = "KEN";

    private ApiClient secretariat;
    private ApiClient kenya;

    @BeforeAll
    void connect() {
        String gatewayUrl = RunningSuite.onEmbeddedMongo().gatewayUrl();
        WebTestClient gateway = Api.client(gatewayUrl);
        String secretariatToken = Api.token(gateway, "secretariat", "secretariat-secret");
        secretariat = client(gatewayUrl, secretariatToken);
        kenya = client(gatewayUrl, Api.stateToken(gateway, secretariatToken, STATE));
    }

    private static ApiClient client(String gatewayUrl, String token) {
        ApiClient client = new ApiClient();
        client.updateBaseUri(gatewayUrl);
        client.setReadTimeout(Duration.ofSeconds(30));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    @Test
    void aStatesSoftwareReadsTheNotesAddressedToItRespondsAndReadsBackItsReceipt() throws ApiException {
        String reference = "GC/" + UUID.randomUUID();
        NotesVerbalesApi secretariatNotes = new NotesVerbalesApi(secretariat);
        String noteId = secretariatNotes.draft(new DraftRequest().reference(reference)
                .subject("Information on the directory of competent national authorities").addressees(List.of(STATE, "AUT"))
                .deadline(LocalDate.of(2026, 3, 31))
                .questions(List.of(new QuestionRequest().id("q1").text("Is the entry of your central authority current?"))))
                .getId();
        assertThat(secretariatNotes.issue(noteId, new IssuanceRequest().date(LocalDate.of(2026, 1, 15))).getAddressees())
                .containsExactly("AUT", STATE);

        NotesVerbalesApi notes = new NotesVerbalesApi(kenya);
        await().atMost(Duration.ofSeconds(10)).until(() -> notes.callList(null, null, null, reference).size() == 1);
        NoteSummary summary = notes.callList(null, null, "OPEN", reference).get(0);
        assertThat(summary.getId()).isEqualTo(noteId);
        assertThat(summary.getIssuedOn()).isEqualTo(LocalDate.of(2026, 1, 15));
        NoteView note = notes.one(noteId);
        assertThat(note.getQuestions()).singleElement().satisfies(q -> assertThat(q.getId()).isEqualTo("q1"));
        assertThat(note.getPublishedFigures()).as("others' standing").isNullOrEmpty();

        ResponsesApi responses = new ResponsesApi(kenya);
        ResponseReceipt receipt = responses.respond(noteId, new ResponseRequest().stateCode(STATE)
                .receivedOn(LocalDate.of(2026, 2, 2)).substantive(true).answers(Map.of("q1", "Yes, as at 2 February 2026")));
        assertThat(receipt.getStateCode()).isEqualTo(STATE);
        assertThat(receipt.getRecordedAt()).isNotNull();

        await().atMost(Duration.ofSeconds(10)).until(() -> !responses.responses(noteId).isEmpty());
        ResponseView stored = responses.response(noteId, receipt.getResponseId());
        assertThat(stored.getStateCode()).isEqualTo(STATE);
        assertThat(stored.getReceivedOn()).isEqualTo(LocalDate.of(2026, 2, 2));
        assertThat(stored.getAnswers()).containsEntry("q1", "Yes, as at 2 February 2026");
        assertThat(stored.getDeclaredBy()).isEqualTo("STATE");
        assertThat(stored.getRecordedAt()).isEqualTo(receipt.getRecordedAt());
    }

    @Test
    void aStatesSoftwareThatRespondsForAnotherStateIsToldWhyAsAProblem() {
        assertThatThrownBy(() -> new ResponsesApi(kenya).respond("any-note", new ResponseRequest().stateCode("AUT")
                .receivedOn(LocalDate.of(2026, 2, 2)).substantive(true)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getResponseBody()).contains("\"status\":403");
                });
    }
}
