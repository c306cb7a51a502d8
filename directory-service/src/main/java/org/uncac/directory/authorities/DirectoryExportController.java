package org.uncac.directory.authorities;

import jakarta.validation.constraints.Pattern;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.uncac.directory.parties.StatePartiesQueries;
import org.uncac.platform.time.SecretariatTime;
import org.uncac.platform.validation.StateCode;
import reactor.core.publisher.Mono;

import java.time.Instant;
import java.time.LocalDate;

/** The directory as a spreadsheet, as at a date: for the secretariat's lists and for States without software. */
@RestController
@Tag(name = "Directory of authorities")
@RequestMapping("/api/directory")
@RequiredArgsConstructor
public class DirectoryExportController {

    private final AuthoritiesQueries queries;
    private final StatePartiesQueries parties;
    private final SecretariatTime time;

    @Operation(summary = "The directory as at a date, as CSV")
    @GetMapping(value = "/authorities/export", produces = "text/csv")
    public Mono<ResponseEntity<String>> export(
            @RequestParam(required = false) @StateCode String stateCode,
            @RequestParam(required = false) AuthorityType type,
            @RequestParam(required = false) @Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code") String language,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant recordedBy) {
        LocalDate date = time.orToday(asAt);
        return Mono.zip(queries.directory(date, recordedBy, stateCode, type, language),
                        parties.asAt(date, recordedBy).collectMap(StatePartiesQueries.PartyView::code,
                                StatePartiesQueries.PartyView::name))
                .map(both -> DirectoryCsv.download("directory-" + date + ".csv", both.getT1(), both.getT2()));
    }
}
