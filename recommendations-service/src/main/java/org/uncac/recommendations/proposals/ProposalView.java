package org.uncac.recommendations.proposals;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonAlias;

import java.time.LocalDate;
import java.util.List;

/** A proposal: who proposed what at which meeting, and the recommendation it was adopted as, once it was. */
public record ProposalView(@JsonAlias("_id") String id,
                           String meetingId, List<String> proposedBy, String text, LocalDate date,
                           @JsonInclude(JsonInclude.Include.NON_NULL) String adoptedAs,
                           @JsonInclude(JsonInclude.Include.NON_NULL) LocalDate adoptedOn) {
}
