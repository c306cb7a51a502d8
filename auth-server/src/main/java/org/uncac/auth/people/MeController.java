package org.uncac.auth.people;

import jakarta.validation.Valid;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import lombok.RequiredArgsConstructor;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.uncac.auth.people.PersonRequests.LanguageChoice;

/** A person's own record, as the signed-in person reads it, and the language they choose for the console. */
@RestController
@Tag(name = "People")
@RequestMapping("/api/users/me")
@RequiredArgsConstructor
public class MeController {

    private final People people;

    @Operation(summary = "Read the signed-in person's own record")
    @GetMapping
    public PersonView me(Authentication caller) {
        return PersonView.of(existing(caller.getName()));
    }

    @Operation(summary = "Choose the signed-in person's language")
    @PutMapping("/language")
    public PersonView language(@Valid @RequestBody LanguageChoice request, Authentication caller) {
        existing(caller.getName());
        people.update(caller.getName(), new Update().set("language", request.language()));
        return PersonView.of(existing(caller.getName()));
    }

    private Person existing(String username) {
        return people.find(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No person " + username));
    }
}
