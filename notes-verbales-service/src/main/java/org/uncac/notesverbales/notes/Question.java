package org.uncac.notesverbales.notes;

import java.util.List;

/** One question of a note's questionnaire; {@code type} FREE_TEXT (default), YES_NO, CHOICE or NUMBER. */
public record Question(String id, String text, QuestionType type, List<String> choices) {

    public enum QuestionType { FREE_TEXT, YES_NO, CHOICE, NUMBER }

    public Question {
        type = type == null ? QuestionType.FREE_TEXT : type;
        choices = choices == null ? List.of() : List.copyOf(choices);
    }
}
