package org.uncac.auth.people;

import jakarta.validation.Valid;
import lombok.RequiredArgsConstructor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.uncac.auth.people.PersonRequests.NewPerson;
import org.uncac.auth.clients.MongoRegisteredClientRepository;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;

/**
 * The secretariat manages the people who sign in: adds them, lists them, disables and enables them, resets a
 * password (the new one is shown once). A person reads their own record and chooses their language. A disabled
 * person's tokens are refused everywhere within a second, as a revoked client's are.
 */
@RestController
@Tag(name = "People")
@RequestMapping("/api/users")
@RequiredArgsConstructor
public class PeopleController {

    /** The console's languages: the six official languages of the United Nations. */
    public static final List<String> LANGUAGES = List.of("ar", "zh", "en", "fr", "ru", "es");
    static final int MIN_PASSWORD = 10;

    private static final Logger log = LoggerFactory.getLogger(PeopleController.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final People people;
    private final PasswordEncoder passwordEncoder;
    private final MongoRegisteredClientRepository clients;

    @Operation(summary = "Add a person who signs in to the console")
    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public ResponseEntity<Added> add(@Valid @RequestBody NewPerson request, Authentication caller) {
        boolean state = request.roles().contains("STATE");
        if (state != (request.stateCode() != null)) {
            throw invalid("stateCode", state ? "a State's focal point needs the State it acts for" : "only a State's focal point acts for a State");
        }
        if (clients.find(request.username()).isPresent()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "The name " + request.username() + " is an API client's");
        }
        String password = request.password() != null ? request.password() : temporaryPassword();
        Person person = new Person(request.username(), request.displayName().strip(), request.email(),
                List.copyOf(new TreeSet<>(request.roles())), request.stateCode(),
                request.language() == null ? "en" : request.language(), true, passwordEncoder.encode(password), 0, null,
                Instant.now(), caller.getName());
        if (!people.add(person)) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "There is already a person " + request.username());
        }
        log.info("person {} added by {}", person.username(), caller.getName());
        return ResponseEntity.created(URI.create("/api/users/" + person.username()))
                .body(new Added(PersonView.of(person), request.password() == null ? password : null));
    }

    @Operation(summary = "List the people who sign in")
    @GetMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    public List<PersonView> list() {
        return people.all().stream().map(PersonView::of).toList();
    }

    @Operation(summary = "Read one person")
    @GetMapping("/{username}")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public PersonView one(@PathVariable String username) {
        return PersonView.of(existing(username));
    }

    @Operation(summary = "Disable a person: their tokens are refused within a second")
    @PostMapping("/{username}/disablement")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public PersonView disable(@PathVariable String username, Authentication caller) {
        existing(username);
        if (username.equals(caller.getName())) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "A person cannot disable themselves");
        }
        people.update(username, new Update().set("enabled", false));
        log.info("person {} disabled by {}", username, caller.getName());
        return PersonView.of(existing(username));
    }

    @Operation(summary = "Enable a person again and unlock them")
    @PostMapping("/{username}/enablement")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public PersonView enable(@PathVariable String username, Authentication caller) {
        existing(username);
        people.update(username, new Update().set("enabled", true).set("failedSignIns", 0).unset("lockedUntil"));
        log.info("person {} enabled by {}", username, caller.getName());
        return PersonView.of(existing(username));
    }

    /** A new password, shown once; the account is unlocked. */
    @Operation(summary = "Reset a person's password (the new one is shown once)")
    @PostMapping("/{username}/password-reset")
    @PreAuthorize("hasRole('SECRETARIAT')")
    public Added resetPassword(@PathVariable String username, Authentication caller) {
        existing(username);
        String password = temporaryPassword();
        people.update(username, new Update().set("passwordHash", passwordEncoder.encode(password)).set("failedSignIns", 0)
                .unset("lockedUntil"));
        log.info("password of {} reset by {}", username, caller.getName());
        return new Added(PersonView.of(existing(username)), password);
    }

    private Person existing(String username) {
        return people.find(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No person " + username));
    }

    private static String temporaryPassword() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static ResponseStatusException invalid(String field, String message) {
        return new PeopleProblem(field, message);
    }
}
