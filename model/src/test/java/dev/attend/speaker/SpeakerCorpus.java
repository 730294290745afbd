package dev.attend.speaker;

import dev.attend.asr.RecognitionResult;
import dev.attend.asr.RecognizerOptions;
import dev.attend.asr.TestModels;
import dev.attend.asr.vosk.VoskRecognizer;
import dev.attend.encoders.audio.TestAudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Test speech from espeak-ng voices that differ in pitch and formants, and its speaker vectors through the
 * generated tone-language model with the bundled speaker model (real libvosk).
 */
public final class SpeakerCorpus {

    /** Voices used to choose the shipped thresholds. */
    public static final List<String> TUNING_VOICES = List.of("en-us+m3", "en-us+m7", "en-us+f2", "en-us+f4");
    /** Voices never used while tuning: the bar is measured on these. */
    public static final List<String> HELD_OUT_VOICES = List.of("en-us+m1", "en-us+f1", "en-us+m6", "en-us+f5");

    /**
     * Voices the compact speaker vector is trained on: espeak-ng variants under five English bases, never a tuning or
     * held-out variant (m1, m3, m6, m7, f1, f2, f4, f5) under any base.
     */
    public static final List<String> TRAINING_VOICES = trainingVoices();

    private static List<String> trainingVoices() {
        List<String> out = new ArrayList<>();
        String[] bases = {"en-us", "en", "en-gb-scotland", "en-029", "en-gb-x-rp"};
        String[] variants = {"m2", "m4", "m5", "m8", "f3", "adam", "Alex", "Andy", "aunty", "belinda", "benjamin",
                "boris", "caleb", "david", "ed", "edward", "Gene", "john", "linda", "max", "Michael", "paul", "quincy",
                "rob", "robert", "steph", "zac", "anika", "grandpa", "Lee", "Mario", "pablo"};
        for (int i = 0; i < variants.length; i++) {
            for (int k = 0; k < 2; k++) {
                out.add(bases[(i + 2 * k) % bases.length] + "+" + variants[i]);
            }
        }
        return List.copyOf(out);
    }

    /** Sentences of the training voices (none of {@link #SENTENCES}). */
    public static final List<String> TRAINING_SENTENCES = List.of(
            "A cold wind blew across the empty parking lot all evening.",
            "We should leave early if we want to find a good seat.",
            "The library closes at nine on weekdays and at five on Sundays.",
            "Two small boats drifted slowly toward the harbour wall.",
            "I think the printer on the second floor is out of paper again.",
            "Fresh coffee and warm toast make a perfect breakfast.",
            "The doctor said that the results would arrive next week.",
            "Many people gathered in the square to watch the fireworks.",
            "Turn left at the bakery and walk straight for two blocks.",
            "My brother is learning to play the violin this year.",
            "The old clock in the hallway stopped at a quarter to four.",
            "Nobody expected the football match to end in a draw.",
            "Please send me the report before the end of the day.",
            "The mountain road was closed because of falling rocks.",
            "Her favourite song was playing softly on the radio.",
            "We planted tomatoes, beans and carrots in the garden.",
            "The pilot announced that we would land twenty minutes early.",
            "It is important to drink enough water when it is hot.",
            "The cat jumped onto the table and knocked over a glass.",
            "They are building a new bridge across the wide river.",
            "Every student must return the books by the end of June.",
            "A thick fog covered the valley until late in the morning.",
            "I would like a large pizza with mushrooms and olives, please.",
            "The engineers tested the engine again before the long flight.");

    public static final List<String> SENTENCES = List.of(
            "The quick brown fox jumps over the lazy dog near the river bank.",
            "Please remember to buy some milk and fresh bread on your way home.",
            "Tomorrow morning the train to the city leaves at half past seven.",
            "She opened the window and listened to the birds singing outside.",
            "Our meeting about the new budget has been moved to Thursday afternoon.",
            "He carefully painted the old wooden fence a bright shade of green.",
            "The museum downtown shows paintings from the seventeenth century.",
            "Could you tell me how far it is to the nearest post office?",
            "After the long winter everyone was happy to see the first flowers.",
            "The children built a large sandcastle at the beach last summer.",
            "My grandmother makes the best apple pie I have ever tasted.",
            "Heavy rain is expected across the northern hills later tonight.");

    private static Path speakerModel;
    private static Path speechToneModel;
    /** Held for the whole test JVM so the speaker model is loaded once, not per utterance. */
    private static dev.attend.asr.vosk.VoskSpeakerModels.Lease keepLoaded;

    private SpeakerCorpus() {
    }

    /** The bundled speaker model, verified, in a test cache folder. */
    public static synchronized Path speakerModel() {
        if (speakerModel == null) {
            try {
                speakerModel = SpeakerModelBundle.materialize(Files.createTempDirectory("attend-spk-cache-"));
                keepLoaded = dev.attend.asr.vosk.VoskSpeakerModels.shared().acquire(speakerModel);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return speakerModel;
    }

    /** One utterance (16 kHz WAV) of {@code voice} saying sentence {@code n}. */
    public static Path utterance(Path dir, String voice, int n) throws IOException, InterruptedException {
        String name = voice.replaceAll("[^A-Za-z0-9]", "_") + "-" + n;
        Path wav = dir.resolve(name + ".wav");
        if (!Files.exists(wav)) {
            TestAudio.speech(dir, name, voice, SENTENCES.get(n % SENTENCES.size()), 0.3, 0.3);
        }
        return wav;
    }

    /** The compact speaker vector of a whole WAV (one utterance; its speech frames are found by energy). */
    public static float[] compactVector(Path wav) throws IOException {
        byte[] b = pcm(wav);
        float[] x = new float[b.length / 2];
        for (int i = 0; i < x.length; i++) {
            x[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8)) / 32768f;
        }
        return dev.attend.speaker.compact.CompactSpeakerModel.shipped().vector(x, 0, x.length);
    }

    /** The speaker vector of a whole WAV (one utterance), decoded in one recognizer stream. */
    public static float[] vector(Path wav) throws IOException {
        byte[] pcm = pcm(wav);
        try (VoskRecognizer r = VoskRecognizer.open(speechToneModel(),
                RecognizerOptions.defaults().withSpeakerModel(speakerModel()))) {
            List<float[]> vs = new ArrayList<>();
            int step = 8000;
            for (int off = 0; off < pcm.length; off += step) {
                int n = Math.min(step, pcm.length - off);
                byte[] chunk = java.util.Arrays.copyOfRange(pcm, off, off + n);
                RecognitionResult.Utterance u = r.acceptPcm16le(chunk, n);
                if (u != null && u.speakerVector() != null) {
                    vs.add(u.speakerVector());
                }
            }
            RecognitionResult.Utterance u = r.finish();
            if (u.speakerVector() != null) {
                vs.add(u.speakerVector());
            }
            if (vs.isEmpty()) {
                return null;
            }
            return vs.size() == 1 ? vs.get(0) : SpeakerVectors.meanDirection(vs);
        }
    }

    /**
     * The tone model with a narrow lattice beam: on real speech the default beams (made for clean tones) give
     * lattices so large that settling one 4 s sentence takes minutes; with these it takes milliseconds. The
     * decoder still aligns the speech to non-silence, which is all the speaker vector needs.
     */
    public static synchronized Path speechToneModel() {
        if (speechToneModel == null) {
            Path dir = TestModels.write(dev.attend.testkit.ToneModelSpec.defaults());
            try {
                Files.writeString(dir.resolve("conf/model.conf"), "--lattice-beam=1.0\n--beam=8.0\n--max-active=200\n",
                        java.nio.file.StandardOpenOption.APPEND);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            speechToneModel = dir;
        }
        return speechToneModel;
    }

    /** The 16-bit PCM samples of a WAV (after its 44-byte header). */
    public static byte[] pcm(Path wav) throws IOException {
        try (var in = javax.sound.sampled.AudioSystem.getAudioInputStream(wav.toFile())) {
            return in.readAllBytes();
        } catch (javax.sound.sampled.UnsupportedAudioFileException e) {
            throw new IOException(e);
        }
    }
}
