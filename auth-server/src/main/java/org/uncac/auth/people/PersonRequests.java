package org.uncac.auth.people;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

import static org.uncac.auth.people.PeopleController.MIN_PASSWORD;

/** The bodies the secretariat sends to add a person, and a person to choose their language, each bounded. */
public final class PersonRequests {

    private PersonRequests() {
    }

    public record NewPerson(@NotBlank @Pattern(regexp = "[a-z0-9][a-z0-9.-]{2,49}", message = "must be 3 to 50 lower-case letters, digits, dots or hyphens") String username,
                            @NotBlank @Size(max = 200) String displayName, @Email @Size(max = 200) String email,
                            @NotEmpty @Size(max = 3) List<@NotNull @Pattern(regexp = "SECRETARIAT|CHAIR|STATE", message = "must be SECRETARIAT, CHAIR or STATE") String> roles,
                            @Pattern(regexp = "[A-Z]{3}", message = "must be three capital letters") String stateCode,
                            @Pattern(regexp = "ar|zh|en|fr|ru|es", message = "must be one of ar, zh, en, fr, ru, es") String language,
                            @Size(min = MIN_PASSWORD, max = 200) String password) {
    }

    public record LanguageChoice(@NotNull @Pattern(regexp = "ar|zh|en|fr|ru|es", message = "must be one of ar, zh, en, fr, ru, es") String language) {
    }
}
