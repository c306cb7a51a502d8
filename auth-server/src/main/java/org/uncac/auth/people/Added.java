package org.uncac.auth.people;

/** The person and, when the secretariat did not choose one, the password to hand over (shown once). */
public record Added(PersonView person, String temporaryPassword) {
}
