package dev.attend.app.session;

import dev.attend.encoders.audio.AudioEncoderFeature;
import dev.attend.encoders.audio.wake.WakeOptions;
import dev.attend.session.SessionFeature;
import dev.attend.speaker.SpeakerSetup;
import dev.attend.attention.AttentionFeature;
import dev.attend.translate.TranslationFeature;
import dev.attend.encoders.vision.FaceFeature;
import java.util.ArrayList;
import java.util.List;

/**
 * Which features a session runs, one options record per feature (null = off), as the CLI or the GUI chose them.
 * Defaults: everything that needs no download is on. {@link #features} turns them into the session's feature list
 * (in the order their stages are added); a new feature adds one component here and one line there.
 *
 * @param asrModel    Vosk model folder or installed model name, checked when the session is made; null = no
 *                    speech recognition
 * @param translation Apertium translation, or null
 * @param audio       VAD and wake words, or null
 * @param faces       face detection on video, or null
 * @param attention   MiniLM attention maps (and text tokens) of each final transcript, or null
 * @param speakers    speaker labels on each final transcript (model, profiles, thresholds), or null
 */
public record FeatureOptions(String asrModel, TranslationFeature translation, AudioEncoderFeature audio,
                             FaceFeature faces, AttentionFeature attention, SpeakerSetup speakers) {

    /** Without speaker labels. */
    public FeatureOptions(String asrModel, TranslationFeature translation, AudioEncoderFeature audio,
                          FaceFeature faces, AttentionFeature attention) {
        this(asrModel, translation, audio, faces, attention, null);
    }

    /** These options with speaker labels ({@code null}: none). */
    public FeatureOptions withSpeakers(SpeakerSetup s) {
        return new FeatureOptions(asrModel, translation, audio, faces, attention, s);
    }

    public static FeatureOptions defaults() {
        return new FeatureOptions(null, null, AudioEncoderFeature.defaults(), FaceFeature.defaults(),
                AttentionFeature.defaults());
    }

    /** Only the pipeline's own stages (level meter, frame events): for tests and pipeline benchmarks. */
    public static FeatureOptions none() {
        return new FeatureOptions(null, null, null, null, null);
    }

    /** These options with another translation pair (null: no translation). */
    public FeatureOptions withTranslationPair(String pair) {
        return new FeatureOptions(asrModel, pair == null ? null : TranslationFeature.of(pair), audio, faces,
                attention, speakers);
    }

    /** These options with another speech model (a folder path; null: no speech recognition). */
    public FeatureOptions withAsrModel(String model) {
        return new FeatureOptions(model, translation, audio, faces, attention, speakers);
    }

    /** These options with other audio encoders (null: none). */
    public FeatureOptions withAudio(AudioEncoderFeature a) {
        return new FeatureOptions(asrModel, translation, a, faces, attention, speakers);
    }

    /** The translation pair, or null. */
    public String translationPair() {
        return translation == null ? null : translation.pair();
    }

    /** The wake words listened for (empty when none or without audio encoders). */
    public List<String> wakeWords() {
        return audio == null ? List.of() : audio.wakeWords();
    }

    /** The wake threshold in force (the default when there are no audio encoders). */
    public double wakeThreshold() {
        return (audio == null ? WakeOptions.defaults() : audio.wake()).threshold();
    }

    /**
     * The session's features in the order their stages are added: audio encoders, speech recognition, faces, then
     * the event stages (attention, translation).
     *
     * @throws IllegalArgumentException when the speech model is not a usable Vosk model folder
     */
    public List<SessionFeature> features() {
        List<SessionFeature> list = new ArrayList<>();
        if (audio != null) {
            list.add(audio);
        }
        SessionFeature asr = AsrSetup.featureFor(asrModel, speakers);
        if (asr != null) {
            list.add(asr);
        }
        if (faces != null) {
            list.add(faces);
        }
        if (attention != null) {
            list.add(attention);
        }
        if (translation != null) {
            list.add(translation);
        }
        return list;
    }
}
