package org.uncac.notesverbales.notes;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
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
import org.uncac.platform.domain.Refusal;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * A note verbale: drafted and edited, issued to its addressees (which then never change, nor what was asked),
 * reminded, given a later deadline, closed. It also decides whether a response may be admitted
 * ({@link #admitResponse}); the responses themselves live in their own aggregates, one per State, so that
 * many States can answer in the same minute. It is loaded without an in-JVM lock (see {@link NoteVerbaleLocking}):
 * admitting a response only reads it, and two writes that do race are caught by the event store's unique
 * (aggregate, sequence) key and answered 409.
 */
@Aggregate(lockFactory = "noteVerbaleLocks")
public class NoteVerbale {

    public enum Status { DRAFT, ISSUED, CLOSED }

    @AggregateIdentifier
    private String noteId;
    private Status status;
    private String reference;
    private String subject;
    private List<String> mandates = List.of();
    private List<String> recommendationIds = List.of();
    private boolean allStatesParties;
    private List<String> draftAddressees;
    private Set<String> addressees = Set.of();
    private Map<String, Question> questions = Map.of();
    private LocalDate issuedOn;
    private LocalDate deadline;
    private final Set<String> publishedFigures = new HashSet<>();

    protected NoteVerbale() {
    }

    @CommandHandler
    public NoteVerbale(DraftNoteVerbale command) {
        Draft d = command.draft();
        apply(new NoteVerbaleDrafted(command.noteId(), d.reference(), d.subject(), d.body(), d.questions(),
                d.mandates(), d.recommendationIds(), d.addressees() == null, d.addressees(), d.deadline(),
                command.recordedBy()));
    }

    @CommandHandler
    public void handle(ReviseDraft command) {
        if (status != Status.DRAFT) {
            throw Refusal.conflict("Note verbale " + name() + " has been issued: what was asked cannot change");
        }
        Draft d = command.draft();
        apply(new DraftRevised(noteId, d.reference(), d.subject(), d.body(), d.questions(), d.mandates(),
                d.recommendationIds(), d.addressees() == null, d.addressees(), d.deadline(), command.recordedBy()));
    }

    @CommandHandler
    public List<String> handle(IssueNoteVerbale command) {
        if (status != Status.DRAFT) {
            throw Refusal.conflict("Note verbale " + name() + " was already issued on " + issuedOn);
        }
        List<String> resolved = allStatesParties ? command.partiesOnDate() : draftAddressees;
        if (resolved.isEmpty()) {
            throw Refusal.refused("There is no addressee on " + command.date());
        }
        if (deadline != null && deadline.isBefore(command.date())) {
            throw Refusal.refused("The deadline " + deadline + " is before the issue date " + command.date());
        }
        apply(new NoteVerbaleIssued(noteId, reference, subject, command.date(), List.copyOf(new TreeSet<>(resolved)),
                deadline, mandates, recommendationIds, command.recordedBy(), command.dateKnownTo()));
        return List.copyOf(new TreeSet<>(resolved));
    }

    @CommandHandler
    public List<String> handle(IssueReminder command) {
        requireIssued("remind");
        if (command.date().isBefore(issuedOn)) {
            throw Refusal.refused("A reminder cannot precede the note's issue date " + issuedOn);
        }
        List<String> to = command.withoutResponse().stream().filter(addressees::contains).sorted().toList();
        apply(new ReminderIssued(noteId, command.reminderId(), reference, command.date(), to, command.recordedBy()));
        return to;
    }

    @CommandHandler
    public void handle(ExtendDeadline command) {
        requireIssued("extend the deadline of");
        if (deadline != null && !command.deadline().isAfter(deadline)) {
            throw Refusal.refused("The new deadline must be after the current one, " + deadline);
        }
        apply(new DeadlineExtended(noteId, command.deadline(), command.recordedBy()));
    }

    @CommandHandler
    public void handle(CloseCollection command) {
        requireIssued("close");
        if (command.date().isBefore(issuedOn)) {
            throw Refusal.refused("The collection cannot close before the note's issue date " + issuedOn);
        }
        apply(new CollectionClosed(noteId, command.date(), command.recordedBy()));
    }

    @CommandHandler
    public void handle(PublishResponseFigure command) {
        if (status == Status.DRAFT) {
            throw Refusal.conflict("Note verbale " + name() + " has not been issued: no response can be counted yet");
        }
        if (command.asAt().isBefore(issuedOn)) {
            throw Refusal.invalid("asAt", "must not be before the note's issue date " + issuedOn);
        }
        String figure = command.asAt() + " " + command.source().cite();
        if (publishedFigures.contains(figure)) {
            throw Refusal.conflict("The figure as at " + command.asAt() + " from " + command.source().cite()
                    + " is recorded already");
        }
        apply(new ResponseFigurePublished(noteId, reference, command.asAt(), command.asAtKnownTo(), command.value(),
                command.source(), command.text(), command.recordedBy()));
    }

    /** How the note is named in answers: its reference, or its subject where the record gives no reference. */
    private String name() {
        return reference != null ? reference : "\"" + subject + "\"";
    }

    /**
     * Decides whether {@code stateCode}'s response received on {@code receivedOn} can be recorded; {@code today}
     * is the secretariat's date: a response is never received in the future.
     */
    public void admitResponse(String stateCode, LocalDate receivedOn, Map<String, ?> answers, LocalDate today) {
        if (status == Status.DRAFT) {
            throw Refusal.conflict("Note verbale " + name() + " has not been issued");
        }
        if (status == Status.CLOSED) {
            throw Refusal.conflict("The collection of responses to " + name() + " is closed");
        }
        if (!addressees.contains(stateCode)) {
            throw Refusal.refused(stateCode + " is not an addressee of " + name());
        }
        if (receivedOn.isAfter(today)) {
            throw Refusal.refused("A response cannot be received (" + receivedOn + ") after today (" + today
                    + " in the secretariat's time zone)");
        }
        if (receivedOn.isBefore(issuedOn)) {
            throw Refusal.refused("A response cannot be received (" + receivedOn + ") before the note was issued (" + issuedOn + ")");
        }
        Set<String> unknown = answers.keySet().stream().filter(q -> !questions.containsKey(q)).collect(Collectors.toCollection(TreeSet::new));
        if (!unknown.isEmpty()) {
            throw Refusal.invalid("answers", "no such question: " + String.join(", ", unknown));
        }
        answers.forEach((id, answer) -> checkAnswer(questions.get(id), answer == null ? null : answer.toString()));
    }

    /** A typed question takes only answers of its type (a blank answer is no answer). */
    private static void checkAnswer(Question question, String answer) {
        if (answer == null || answer.isBlank()) {
            return;
        }
        String field = "answers." + question.id();
        switch (question.type()) {
            case YES_NO -> {
                if (!Set.of("true", "false", "yes", "no").contains(answer.strip().toLowerCase(Locale.ROOT))) {
                    throw Refusal.invalid(field, "must be yes or no (true or false)");
                }
            }
            case NUMBER -> {
                try {
                    new BigDecimal(answer.strip());
                } catch (NumberFormatException e) {
                    throw Refusal.invalid(field, "must be a number");
                }
            }
            case CHOICE -> {
                if (!question.choices().contains(answer)) {
                    throw Refusal.invalid(field, "must be one of " + question.choices());
                }
            }
            case FREE_TEXT -> { }
        }
    }

    private void requireIssued(String what) {
        if (status == Status.DRAFT) {
            throw Refusal.conflict("Cannot " + what + " note verbale " + name() + ": it has not been issued");
        }
        if (status == Status.CLOSED) {
            throw Refusal.conflict("Cannot " + what + " note verbale " + name() + ": its collection is closed");
        }
    }

    @EventSourcingHandler
    void on(NoteVerbaleDrafted event) {
        noteId = event.noteId();
        status = Status.DRAFT;
        draft(event.reference(), event.subject(), event.mandates(), event.recommendationIds(),
                event.allStatesParties(), event.addressees(), event.questions(), event.deadline());
    }

    @EventSourcingHandler
    void on(DraftRevised event) {
        draft(event.reference(), event.subject(), event.mandates(), event.recommendationIds(),
                event.allStatesParties(), event.addressees(), event.questions(), event.deadline());
    }

    private void draft(String reference, String subject, List<String> mandates, List<String> recommendationIds,
                       boolean all, List<String> addressees, List<Question> questions, LocalDate deadline) {
        this.reference = reference;
        this.subject = subject;
        this.mandates = mandates == null ? List.of() : mandates;
        this.recommendationIds = recommendationIds == null ? List.of() : recommendationIds;
        this.allStatesParties = all;
        this.draftAddressees = addressees == null ? List.of() : addressees;
        this.questions = questions == null ? Map.of() : questions.stream()
                .collect(Collectors.toMap(Question::id, q -> q, (a, b) -> a, LinkedHashMap::new));
        this.deadline = deadline;
    }

    @EventSourcingHandler
    void on(NoteVerbaleIssued event) {
        status = Status.ISSUED;
        issuedOn = event.date();
        addressees = Set.copyOf(event.addressees());
    }

    @EventSourcingHandler
    void on(DeadlineExtended event) {
        deadline = event.deadline();
    }

    @EventSourcingHandler
    void on(CollectionClosed event) {
        status = Status.CLOSED;
    }

    @EventSourcingHandler
    void on(ResponseFigurePublished event) {
        publishedFigures.add(event.asAt() + " " + event.source().cite());
    }
}
