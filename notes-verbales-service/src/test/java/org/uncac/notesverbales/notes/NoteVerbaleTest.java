package org.uncac.notesverbales.notes;

import org.uncac.platform.domain.Refusal;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uncac.notesverbales.notes.NoteCommands.CloseCollection;
import org.uncac.notesverbales.notes.NoteCommands.Draft;
import org.uncac.notesverbales.notes.NoteCommands.DraftNoteVerbale;
import org.uncac.notesverbales.notes.NoteCommands.ExtendDeadline;
import org.uncac.notesverbales.notes.NoteCommands.IssueNoteVerbale;
import org.uncac.notesverbales.notes.NoteCommands.IssueReminder;
import org.uncac.notesverbales.notes.NoteCommands.PublishResponseFigure;
import org.uncac.notesverbales.notes.NoteCommands.ReviseDraft;
import org.uncac.notesverbales.notes.NoteEvents.CollectionClosed;
import org.uncac.notesverbales.notes.NoteEvents.DeadlineExtended;
import org.uncac.notesverbales.notes.NoteEvents.DraftRevised;
import org.uncac.notesverbales.notes.NoteEvents.NoteVerbaleDrafted;
import org.uncac.notesverbales.notes.NoteEvents.NoteVerbaleIssued;
import org.uncac.notesverbales.notes.NoteEvents.ReminderIssued;
import org.uncac.notesverbales.notes.NoteEvents.ResponseFigurePublished;
import org.uncac.platform.domain.Source;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class NoteVerbaleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    private static final LocalDate JAN_17 = LocalDate.of(2017, 1, 17);
    private static final LocalDate MAR_31 = LocalDate.of(2017, 3, 31);
    private final List<Question> questions = List.of(new Question("q1", "Framework?", null, null));
    private final Draft toAll = new Draft("CU 2017/11", "Resolution 6/4", "body", questions, List.of("Conference resolution 6/4"),
            List.of("r1"), null, MAR_31);
    private final NoteVerbaleDrafted drafted = new NoteVerbaleDrafted("n1", "CU 2017/11", "Resolution 6/4", "body", questions,
            List.of("Conference resolution 6/4"), List.of("r1"), true, null, MAR_31, "secretariat");
    private final NoteVerbaleIssued issued = new NoteVerbaleIssued("n1", "CU 2017/11", "Resolution 6/4", JAN_17,
            List.of("AUT", "BEL", "FRA"), MAR_31, List.of("Conference resolution 6/4"), List.of("r1"), "secretariat", null);
    private AggregateTestFixture<NoteVerbale> fixture;

    @BeforeEach
    void fixture() {
        fixture = new AggregateTestFixture<>(NoteVerbale.class);
    }

    @Test
    void draftingAndEditingADraft() {
        fixture.givenNoPriorActivity().when(new DraftNoteVerbale("n1", toAll, "secretariat")).expectEvents(drafted);
        Draft revised = new Draft("CU 2017/11", "Resolution 6/4 (rev.)", "body", questions, List.of(), List.of(),
                List.of("AUT"), MAR_31);
        fixture.given(drafted).when(new ReviseDraft("n1", revised, "secretariat"))
                .expectEvents(new DraftRevised("n1", "CU 2017/11", "Resolution 6/4 (rev.)", "body", questions, List.of(),
                        List.of(), false, List.of("AUT"), MAR_31, "secretariat"));
    }

    @Test
    void issuingToAllStatesPartiesAddressesThePartiesOnTheIssueDate() {
        fixture.given(drafted).when(new IssueNoteVerbale("n1", JAN_17, null, List.of("FRA", "AUT", "BEL"), "secretariat"))
                .expectEvents(issued)
                .expectResultMessagePayload(List.of("AUT", "BEL", "FRA"));
    }

    @Test
    void anIssuedNoteIsNotIssuedOrRevisedAgain() {
        fixture.given(drafted, issued).when(new IssueNoteVerbale("n1", JAN_17, null, List.of("AUT"), "secretariat"))
                .expectNoEvents().expectException(Refusal.Conflict.class);
        fixture.given(drafted, issued).when(new ReviseDraft("n1", toAll, "secretariat"))
                .expectNoEvents().expectException(Refusal.Conflict.class);
    }

    @Test
    void theDeadlineMayNotPrecedeTheIssue() {
        fixture.given(drafted).when(new IssueNoteVerbale("n1", LocalDate.of(2017, 4, 1), null, List.of("AUT"), "secretariat"))
                .expectNoEvents().expectException(Refusal.BrokenRule.class);
    }

    @Test
    void remindersGoToAddresseesWithoutAResponseOnly() {
        fixture.given(drafted, issued)
                .when(new IssueReminder("n1", "rem1", LocalDate.of(2017, 5, 8), List.of("FRA", "XYZ", "BEL"), "secretariat"))
                .expectEvents(new ReminderIssued("n1", "rem1", "CU 2017/11", LocalDate.of(2017, 5, 8), List.of("BEL", "FRA"), "secretariat"));
        fixture.given(drafted)
                .when(new IssueReminder("n1", "rem1", LocalDate.of(2017, 5, 8), List.of("FRA"), "secretariat"))
                .expectNoEvents().expectException(Refusal.Conflict.class);
    }

    @Test
    void aDeadlineIsExtendedToALaterDate() {
        fixture.given(drafted, issued).when(new ExtendDeadline("n1", LocalDate.of(2017, 6, 30), "secretariat"))
                .expectEvents(new DeadlineExtended("n1", LocalDate.of(2017, 6, 30), "secretariat"));
    }

    @Test
    void aDeadlineIsNotMovedEarlier() {
        fixture.given(drafted, issued).when(new ExtendDeadline("n1", LocalDate.of(2017, 3, 1), "secretariat"))
                .expectNoEvents().expectException(Refusal.class);
    }

    @Test
    void theCollectionOfAnIssuedNoteIsClosedOnADate() {
        fixture.given(drafted, issued).when(new CloseCollection("n1", LocalDate.of(2017, 9, 30), "secretariat"))
                .expectEvents(new CollectionClosed("n1", LocalDate.of(2017, 9, 30), "secretariat"));
    }

    @Test
    void aClosedCollectionTakesNoNewDeadline() {
        CollectionClosed closed = new CollectionClosed("n1", LocalDate.of(2017, 9, 30), "secretariat");
        fixture.given(drafted, issued, closed).when(new ExtendDeadline("n1", LocalDate.of(2017, 12, 31), "secretariat"))
                .expectNoEvents().expectException(Refusal.Conflict.class);
    }

    private NoteVerbale issuedNote() {
        NoteVerbale note = new NoteVerbale();
        note.on(drafted);
        note.on(issued);
        return note;
    }

    @Test
    void aResponseToANoteNotYetIssuedIsRefused() {
        NoteVerbale note = new NoteVerbale();
        note.on(drafted);
        assertThatThrownBy(() -> note.admitResponse("AUT", LocalDate.of(2017, 2, 10), Map.of(), TODAY))
                .hasMessageContaining("has not been issued");
    }

    @Test
    void anAddresseesResponseToTheNotesQuestionsIsAdmitted() {
        issuedNote().admitResponse("AUT", LocalDate.of(2017, 2, 10), Map.of("q1", "yes"), TODAY);
        assertThat(NoteVerbale.Status.values()).hasSize(3);
    }

    @Test
    void aResponseFromAStateThatIsNotAnAddresseeIsRefused() {
        assertThatThrownBy(() -> issuedNote().admitResponse("JPN", LocalDate.of(2017, 2, 10), Map.of(), TODAY))
                .isInstanceOf(Refusal.class).hasMessageContaining("not an addressee");
    }

    @Test
    void aResponseReceivedBeforeTheNoteWasIssuedIsRefused() {
        assertThatThrownBy(() -> issuedNote().admitResponse("AUT", LocalDate.of(2017, 1, 1), Map.of(), TODAY))
                .hasMessageContaining("before the note was issued");
    }

    @Test
    void anAnswerToAQuestionTheNoteDidNotAskIsRefused() {
        assertThatThrownBy(() -> issuedNote().admitResponse("AUT", LocalDate.of(2017, 2, 10), Map.of("q7", "?"), TODAY))
                .hasMessageContaining("no such question");
    }

    @Test
    void aResponseAfterTheCollectionClosedIsRefused() {
        NoteVerbale note = issuedNote();
        note.on(new CollectionClosed("n1", LocalDate.of(2017, 9, 30), "secretariat"));
        assertThatThrownBy(() -> note.admitResponse("AUT", LocalDate.of(2017, 10, 1), Map.of(), TODAY))
                .hasMessageContaining("closed");
    }

    @Test
    void aResponseCannotBeReceivedAfterToday() {
        NoteVerbale note = new NoteVerbale();
        note.on(drafted);
        note.on(issued);
        note.admitResponse("AUT", TODAY, Map.of(), TODAY);
        assertThatThrownBy(() -> note.admitResponse("AUT", TODAY.plusDays(1), Map.of(), TODAY))
                .isInstanceOf(Refusal.class).hasMessageContaining("after today");
    }

    @Test
    void typedQuestionsTakeAnswersOfTheirType() {
        List<Question> typed = List.of(new Question("yn", "Is there a central authority?", Question.QuestionType.YES_NO, null),
                new Question("n", "How many requests?", Question.QuestionType.NUMBER, null),
                new Question("c", "Which channel?", Question.QuestionType.CHOICE, List.of("direct", "diplomatic")));
        NoteVerbale note = new NoteVerbale();
        note.on(new NoteVerbaleDrafted("n1", "CU", "s", "b", typed, List.of(), List.of(), false, List.of("AUT"), null, "s"));
        note.on(new NoteVerbaleIssued("n1", "CU", "s", JAN_17, List.of("AUT"), null, List.of(), List.of(), "s", null));
        note.admitResponse("AUT", JAN_17, Map.of("yn", "Yes", "n", "12", "c", "direct"), TODAY);
        note.admitResponse("AUT", JAN_17, Map.of("yn", "", "n", " ", "c", ""), TODAY);
        assertThatThrownBy(() -> note.admitResponse("AUT", JAN_17, Map.of("yn", "perhaps"), TODAY)).hasMessageContaining("answers.yn");
        assertThatThrownBy(() -> note.admitResponse("AUT", JAN_17, Map.of("n", "twelve"), TODAY)).hasMessageContaining("answers.n");
        assertThatThrownBy(() -> note.admitResponse("AUT", JAN_17, Map.of("c", "pigeon"), TODAY)).hasMessageContaining("answers.c");
    }

    private static final Source SEED_001 = new Source("Note by the Secretariat of 28 August 2017", "para. 8");

    @Test
    void aPublishedCountOfResponsesIsRecordedWithItsSource() {
        LocalDate aug21 = LocalDate.of(2017, 8, 21);
        fixture.given(drafted, issued)
                .when(new PublishResponseFigure("n1", aug21, null, 37, SEED_001, "As at 21 August 2017, 37 Member States had provided responses.", "history-import"))
                .expectEvents(new ResponseFigurePublished("n1", "CU 2017/11", aug21, null, 37, SEED_001,
                        "As at 21 August 2017, 37 Member States had provided responses.", "history-import"));
    }

    @Test
    void theSameFigureFromTheSameSourceIsNotRecordedTwice() {
        LocalDate aug21 = LocalDate.of(2017, 8, 21);
        fixture.given(drafted, issued, new ResponseFigurePublished("n1", "CU 2017/11", aug21, null, 37, SEED_001, "t", "s"))
                .when(new PublishResponseFigure("n1", aug21, null, 37, SEED_001, "t", "s"))
                .expectNoEvents().expectException(Refusal.Conflict.class);
    }

    @Test
    void noFigureIsPublishedForADraft() {
        fixture.given(drafted).when(new PublishResponseFigure("n1", LocalDate.of(2017, 8, 21), null, 37, SEED_001, "t", "s"))
                .expectNoEvents().expectException(Refusal.Conflict.class);
    }

    @Test
    void noFigureIsPublishedAsAtADateBeforeTheIssue() {
        fixture.given(drafted, issued).when(new PublishResponseFigure("n1", LocalDate.of(2017, 1, 1), null, 37, SEED_001, "t", "s"))
                .expectNoEvents().expectException(Refusal.InvalidField.class);
    }

    @Test
    void anIssueDateKnownOnlyToItsMonthTravelsWithTheIssue() {
        LocalDate jul31 = LocalDate.of(2022, 7, 31);
        fixture.given(new NoteVerbaleDrafted("n2", null, "Resolution 9/2", null, List.of(), List.of(), List.of(), false,
                        List.of("AUT"), null, "secretariat"))
                .when(new IssueNoteVerbale("n2", jul31, "2022-07", List.of(), "secretariat"))
                .expectEvents(new NoteVerbaleIssued("n2", null, "Resolution 9/2", jul31, List.of("AUT"), null, List.of(),
                        List.of(), "secretariat", "2022-07"));
    }
}
