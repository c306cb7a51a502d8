package org.uncac.recommendations.progressnote;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A draft note by the Secretariat as a list of blocks (headings, numbered paragraphs, bullets), rendered as
 * Markdown or as a Word document (Apache POI). Paragraphs are numbered through the note, as UN documents are.
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
                out.append("\n").append("#".repeat(h.level())).append(' ').append(h.text()).append("\n\n");
            } else if (block instanceof Paragraph p) {
                out.append(++number).append(". ").append(p.text()).append("\n\n");
            } else if (block instanceof Bullet b) {
                out.append("- ").append(b.text()).append("\n");
            }
        }
        return out.toString().strip() + "\n";
    }

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
                    run.setText(h.text());
                } else if (block instanceof Paragraph p) {
                    run.setFontSize(10);
                    run.setText(++number + ".\t" + p.text());
                } else if (block instanceof Bullet b) {
                    run.setFontSize(10);
                    paragraph.setIndentationLeft(567);
                    run.setText("\u2022 " + b.text());
                }
            }
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException("cannot write the progress note", e);
        }
    }
}
