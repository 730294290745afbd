package dev.attend.assistant.store;

import java.time.Instant;

/** A note the user dictated or typed. */
public record Note(long id, String text, Instant created) {
}
