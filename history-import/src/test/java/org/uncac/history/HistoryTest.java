package org.uncac.history;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The files of {@code history/} as they are in the repository: consistent, every fact with its source. */
class HistoryTest {

    private static History history() throws IOException {
        return History.read(Path.of("..", "history"));
    }

    @Test
    void everyRecordHasASourceAndTheDocumentsAgree() throws IOException {
        assertThat(history().problems()).isEmpty();
    }

    @Test
    void everySeedDocumentIsThere() throws IOException {
        assertThat(history().documents()).extracting(History.Document::date)
                .containsExactly("2020-12-21", "2017-08-28", "2019-07-02", "2022-08-18", "2021-09-17");
    }

    @Test
    void aDayKnownInOneDocumentReplacesAYearKnownInAnother() throws IOException {
        // the 2022 progress note knows the tenth meeting only as "2021"; its report gives the days
        assertThat(history().keyed("meetings").get("EG10").path("start").asText()).isEqualTo("2021-09-06");
        assertThat(history().keyed("meetings").get("EG10").has("startKnownTo")).isFalse();
        assertThat(history().keyed("meetings").get("EG8").path("end").asText()).isEqualTo("2019-05-31");
    }
}
