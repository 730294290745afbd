package dev.attend.ui.transcript;

import dev.attend.speaker.SpeakerProfile;
import java.io.IOException;

/** Keeps an enrolled voice on this machine ("This is me"); the app stores it in the data dir. */
@FunctionalInterface
public interface SpeakerEnroller {

    /** Stores {@code profile}, replacing one of the same name. */
    void save(SpeakerProfile profile) throws IOException;
}
