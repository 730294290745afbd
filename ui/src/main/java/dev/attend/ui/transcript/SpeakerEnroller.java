package dev.attend.ui.transcript;

import dev.attend.speaker.SpeakerProfile;
import java.io.IOException;

/** Keeps an enrolled voice on this machine ("This is me"); the app stores it in the data dir. */
@FunctionalInterface
public interface SpeakerEnroller {

    /** Stores {@code profile}, replacing one of the same name. */
    void save(SpeakerProfile profile) throws IOException;

    /** Which vectors the session's lines carry (the profiles made here are of that source). */
    default dev.attend.speaker.SpeakerVectorSource vectors() {
        return dev.attend.speaker.SpeakerVectorSource.DEFAULT;
    }
}
