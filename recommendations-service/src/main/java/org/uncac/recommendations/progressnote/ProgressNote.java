package org.uncac.recommendations.progressnote;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A draft note by the Secretariat as a list of blocks (headings, numbered paragraphs, bullets), rendered as
 * Markdown or as a Word document (Apache POI). Paragraphs are numbered through the note, as UN documents are.
 * Block texts are plain text, much of it as callers wrote it (recommendations, actions, names): Markdown shows it
 * as text, never as markup, and a Word document leaves out the control characters XML cannot hold.
 */
public final class ProgressNote {

    public sealed interface Block permits Heading, Paragraph, Bullet {
    }

    public record Heading(int level, String text) implements Block {
    }

    public record Paragraph(String text) implements Block {
    }

    public record Bullet(String text) implements Block {
    }

    private final List<Block> blocks = new ArrayList<>();

    public ProgressNote heading(int level, String text) {
        blocks.add(new Heading(level, text));
        return this;
    }

    public ProgressNote paragraph(String text) {
        blocks.add(new Paragraph(text));
        return this;
    }

    public ProgressNote bullet(String text) {
        blocks.add(new Bullet(text));
        return this;
    }

    public List<Block> blocks() {
        return List.copyOf(blocks);
    }

    public String markdown() {
        StringBuilder out = new StringBuilder();
        int number = 0;
        for (Block block : blocks) {
            if (block instanceof Heading h) {
                out.append("\n").append("#".repeat(h.level())).append(' ').append(markdownText(h.text())).append("\n\n");
            } else if (block instanceof Paragraph p) {
                out.append(++number).append(". ").append(markdownText(p.text())).append("\n\n");
            } else if (block instanceof Bullet b) {
                out.append("- ").append(markdownText(b.text())).append("\n");
            }
        }
        return out.toString().strip() + "\n";
    }

    /** Text as Markdown shows it literally: one line, markup characters escaped, no list marker at its start. */
    static String markdownText(String text) {
        String line = CONTROL.matcher(text).replaceAll(" ").replaceAll("\\s*[\\r\\n]+\\s*", " ");
        String escaped = MARKUP.matcher(line).replaceAll("\\\\$0");
        return LIST_MARKER.matcher(escaped).replaceFirst("$1\\\\$2");
    }

    /** Text without the control characters XML 1.0 cannot hold (a Word document with one does not open). */
    static String xmlText(String text) {
        return CONTROL.matcher(text).replaceAll("");
    }

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F\\uFFFE\\uFFFF]");
    private static final Pattern MARKUP = Pattern.compile("[\\\\`*_\\[\\]<>|#~&]");
    private static final Pattern LIST_MARKER = Pattern.compile("^(\\d*)([-+.)])");

    public byte[] docx() {
        try (XWPFDocument document = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            int number = 0;
            for (Block block : blocks) {
                XWPFParagraph paragraph = document.createParagraph();
                XWPFRun run = paragraph.createRun();
                run.setFontFamily("Times New Roman");
                if (block instanceof Heading h) {
                    run.setBold(true);
                    run.setFontSize(h.level() == 1 ? 16 : h.level() == 2 ? 13 : 11);
                    if (h.level() == 1) {
                        paragraph.setAlignment(ParagraphAlignment.CENTER);
                    }
                    run.setText(xmlText(h.text()));
                } else if (block instanceof Paragraph p) {
                    run.setFontSize(10);
                    run.setText(++number + ".\t" + xmlText(p.text()));
                } else if (block instanceof Bullet b) {
                    run.setFontSize(10);
                    paragraph.setIndentationLeft(567);
                    run.setText("\u2022 " + xmlText(b.text()));
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the progress note", e);
        }
    }
}
