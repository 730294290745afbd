package dev.attend.asr;

import dev.attend.event.AsrEvents;
import dev.attend.pipeline.SourceException;
import dev.attend.speaker.SpeakerModelException;
import dev.attend.speaker.SpeakerProfile;
import dev.attend.speaker.SpeakerSetup;
import dev.attend.speaker.SpeakerVectors;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes a speaker profile from audio files: every utterance the recognizer settles gives one x-vector (utterances
 * too short for one, under 50 speech frames, give none); the profile is their mean direction.
 */
public final class SpeakerEnrollment {

    /** Fewer utterances than this still enrol, with a warning that the profile may be weak. */
    public static final int RECOMMENDED_UTTERANCES = 3;

    private final Path asrModel;
    private final SpeakerSetup speakers;

    /**
     * @param asrModel a Vosk model folder (a real model, or {@link dev.attend.testkit.SpeechAlignerModel})
     * @param speakers which speaker model to use (its profiles are ignored here)
     */
    public SpeakerEnrollment(Path asrModel, SpeakerSetup speakers) {
        this.asrModel = asrModel;
        this.speakers = speakers;
    }

    /** The utterance vectors of one file. */
    public List<float[]> vectors(Path audio) throws SourceException {
        AsrStage stage = new AsrStage(asrModel, RecognizerOptions.defaults(),
                speakers.withProfiles(List.of()));
        var events = FileTranscriber.run(stage, audio);
        for (var e : events) {
            if (e instanceof dev.attend.event.CoreEvents.SourceError err && "speakers".equals(err.source())) {
                throw new SpeakerModelException(err.message());
            }
        }
        List<float[]> out = new ArrayList<>();
        for (AsrEvents.Final f : FileTranscriber.finals(events)) {
            if (f.speakerVector() != null) {
                out.add(f.speakerVector());
            }
        }
        return out;
    }

    /**
     * A profile named {@code name} from all utterances of the files.
     *
     * @throws IllegalArgumentException no utterance long enough for a speaker vector
     */
    public SpeakerProfile enroll(String name, List<Path> audio) throws SourceException {
        String n = SpeakerProfile.checkEnrolmentName(name);
        List<float[]> all = new ArrayList<>();
        for (Path a : audio) {
            all.addAll(vectors(a));
        }
        if (all.isEmpty()) {
            throw new IllegalArgumentException("no speech long enough for a speaker vector in " + audio
                    + " (each utterance needs about half a second of speech)");
        }
        return new SpeakerProfile(n, SpeakerVectors.meanDirection(all), all.size(), Instant.now(),
                speakers.vectors());
    }
}
