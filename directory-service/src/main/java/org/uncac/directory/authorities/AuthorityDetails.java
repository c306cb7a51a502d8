package org.uncac.directory.authorities;

import java.util.List;

/**
 * What a practitioner needs to send a request: who, where, how to reach them, in which languages and
 * through which channels requests are accepted, and (for mutual legal assistance and extradition) the
 * requirements and procedures, as free text and as a checklist.
 */
public record AuthorityDetails(String name, String postalAddress, List<Contact> contacts, List<String> languages,
                               List<String> channels, String requirements, List<String> checklist) {

    public AuthorityDetails {
        contacts = contacts == null ? List.of() : List.copyOf(contacts);
        languages = languages == null ? List.of() : List.copyOf(languages);
        channels = channels == null ? List.of() : List.copyOf(channels);
        checklist = checklist == null ? List.of() : List.copyOf(checklist);
    }

    /** A contact person. */
    public record Contact(String name, String title, String phone, String email) {
    }
}
