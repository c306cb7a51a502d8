package org.uncac.directory.authorities;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.uncac.platform.validation.StateCode;

import java.time.LocalDate;
import java.util.List;

/** The bodies the directory's endpoints take, each bounded, and what they become in commands. */
public final class AuthorityRequests {

    private AuthorityRequests() {
    }

    public record ContactRequest(@NotBlank @Size(max = 200) String name, @Size(max = 200) String title,
                                 @Size(max = 50) String phone, @Email @Size(max = 200) String email) {
        AuthorityDetails.Contact toContact() {
            return new AuthorityDetails.Contact(name.strip(), title, phone, email);
        }
    }

    /**
     * An entry's details, as a designation (with {@code stateCode} and {@code type}) or as an update (a new
     * version that replaces the previous one from {@code effective} on; State and type do not change).
     */
    public record EntryRequest(@StateCode String stateCode,
                               AuthorityType type,
                               @NotBlank @Size(max = 300) String name, @NotNull LocalDate effective,
                               @Size(max = 1000) String postalAddress,
                               @Valid @Size(max = 20) List<ContactRequest> contacts,
                               @Size(max = 20) List<@Pattern(regexp = "[a-z]{2,3}", message = "must be an ISO 639 language code such as en, fr, es") String> languages,
                               @Size(max = 20) List<@NotBlank @Size(max = 200) String> channels,
                               @Size(max = 20000) String requirements,
                               @Size(max = 100) List<@NotBlank @Size(max = 1000) String> checklist) {
        AuthorityDetails details() {
            return new AuthorityDetails(name.strip(), postalAddress, contacts == null ? null
                    : contacts.stream().map(ContactRequest::toContact).toList(), languages, channels, requirements, checklist);
        }
    }

    public record WithdrawalRequest(@NotNull LocalDate effective, @Size(max = 2000) String reason) {
    }

    /** What an update answers: the entry and the date its new version is in force from. */
    public record Updated(String id, LocalDate effective) {
    }

    /** What a withdrawal answers: the entry and the date it is withdrawn from. */
    public record Withdrawn(String id, LocalDate withdrawnFrom) {
    }
}
