package dev.attend.assistant.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Where notes are kept. Implementations are thread-safe. */
public interface NoteRepository {

    Note add(String text, Instant now);

    Optional<Note> last();

    /** Notes created in [from, to), oldest first. */
    List<Note> between(Instant from, Instant to);
}
