package org.uncac.platform.domain;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Where a published fact is printed: the document (its symbol, "CAC/COSP/EG.1/2019/4", or where none is printed
 * its title and date) and the paragraph ("para. 43").
 */
public record Source(@NotBlank @Size(max = 300) String document, @Size(max = 100) String paragraph) {

    /** The same source without surrounding blanks, a blank paragraph as none. */
    public Source stripped() {
        return new Source(document.strip(), paragraph == null || paragraph.isBlank() ? null : paragraph.strip());
    }

    /** "CAC/COSP/EG.1/2017/2, para. 8" */
    public String cite() {
        return paragraph == null || paragraph.isBlank() ? document : document + ", " + paragraph;
    }
}
