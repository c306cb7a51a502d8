package org.uncac.recommendations.progressnote;

import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressNoteTest {

    private static final String HOSTILE = "**Adopted** [see](http://x.invalid) <img src=x onerror=alert(1)> | a | b |\n# Not a heading\n- not a bullet";

    @Test
    void textWrittenByCallersIsShownAsTextInMarkdownNeverAsMarkup() {
        String markdown = new ProgressNote().heading(2, "Theme #1").paragraph(HOSTILE).bullet("- 1. nested?").markdown();
        assertThat(markdown).isEqualTo("""
                ## Theme \\#1

                1. \\*\\*Adopted\\*\\* \\[see\\](http://x.invalid) \\<img src=x onerror=alert(1)\\> \\| a \\| b \\| \\# Not a heading - not a bullet

                - \\- 1. nested?
                """);
    }

    @Test
    void ordinaryTextReadsAsWritten() {
        assertThat(new ProgressNote().paragraph("As at 21 August 2017, 37 States parties had provided responses (CU 2017/11).")
                .markdown()).isEqualTo("1. As at 21 August 2017, 37 States parties had provided responses (CU 2017/11).\n");
    }

    @Test
    void aWordDocumentWithControlCharactersInItsTextStillOpens() throws IOException {
        byte[] docx = new ProgressNote().heading(1, "Progress\u0001 note").paragraph("Bell\u0007 and form feed\u000C gone")
                .docx();
        try (XWPFDocument document = new XWPFDocument(new ByteArrayInputStream(docx))) {
            assertThat(document.getParagraphs()).extracting(XWPFParagraph::getText)
                    .containsExactly("Progress note", "1.\tBell and form feed gone");
        }
    }
}
