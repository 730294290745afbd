package dev.attend.app.bench.soak;

import dev.attend.testkit.ToneAudio;
import dev.attend.testkit.ToneLanguage;
import dev.attend.testkit.ToneModelWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * What a soak session plays: the bundled demo clip (a face for the vision stages) with a generated tone-language
 * track as its audio (so the tone model recognises every utterance), and the tone model itself. Utterances are
 * random word sequences, so translations and attention maps keep changing instead of hitting caches.
 */
public record SoakMedia(Path video, Path audio, Path model, int utterances) {

    static final String DEMO_RESOURCE = "/dev/attend/resources/demo/demo.mp4";
    static final double DEMO_SECONDS = 10.0;

    /** Writes everything into {@code dir} (an empty work folder). */
    public static SoakMedia create(Path dir, long seed) throws IOException {
        Path video = dir.resolve("demo.mp4");
        try (InputStream in = SoakMedia.class.getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new IOException("demo clip " + DEMO_RESOURCE + " missing from the class path");
            }
            Files.copy(in, video);
        }
        Path model = ToneModelWriter.writeDefault(dir.resolve("tone-model"));
        Random rnd = new Random(seed);
        List<String> vocabulary = new ArrayList<>(ToneLanguage.defaultWords().keySet());
        ToneAudio.Builder b = ToneAudio.builder().silence(0.5);
        int utterances = 0;
        // 3-5 words per utterance, 1 s of silence after each (the model ends an utterance after 0.5 s)
        while (true) {
            List<String> words = new ArrayList<>();
            int n = 3 + rnd.nextInt(3);
            for (int i = 0; i < n; i++) {
                words.add(vocabulary.get(rnd.nextInt(vocabulary.size())));
            }
            double length = n * 0.3 + (n - 1) * 0.3 + 1.0;
            if (b.build().seconds() + length > DEMO_SECONDS) {
                break;
            }
            b.words(words, 0.3).silence(1.0);
            utterances++;
        }
        Path audio = dir.resolve("tones.wav");
        b.build().writeWav(audio);
        return new SoakMedia(video, audio, model, utterances);
    }
}
