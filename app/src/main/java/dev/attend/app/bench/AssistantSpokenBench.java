package dev.attend.app.bench;

import dev.attend.assistant.Assistant;
import dev.attend.assistant.Command;
import dev.attend.assistant.ListeningMode;
import dev.attend.assistant.intent.IntentPhrases;
import dev.attend.encoders.audio.features.AudioToken;
import dev.attend.encoders.audio.features.MelSpectrogram;
import dev.attend.encoders.audio.features.SpeechEmbedding;
import dev.attend.encoders.audio.features.SpeechFeatureExtractor;
import dev.attend.encoders.audio.features.SpeechFeatureListener;
import dev.attend.media.AudioChunk;
import dev.attend.token.Token;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Spoken commands without a speech model, as push-to-talk hands them to the assistant: each held-out sentence
 * spoken by espeak-ng in each held-out voice, 0.3 s of silence before (the button is pressed, then the user
 * speaks), its audio tokens up to 0.1 s after the speech (where the VAD ends the command), and no transcript, so the
 * intent comes from the audio model alone. Counts right intents among commands and actions on non-commands.
 */
public final class AssistantSpokenBench implements AutoCloseable {

    private static final int RATE = AudioChunk.SAMPLE_RATE;
    private static final double LEAD_SECONDS = 0.3;

    /** The figures of one run. */
    public record Result(int commands, int correct, int understood, int nonCommands, int falseActions,
                         Map<String, int[]> perIntent, List<String> misses) {
    }

    private final MelSpectrogram mel;
    private final SpeechEmbedding embedding;
    private final Path tmp;

    public AssistantSpokenBench(Path tmp) throws IOException {
        this.mel = MelSpectrogram.load();
        this.embedding = SpeechEmbedding.load();
        this.tmp = tmp;
    }

    /** The command's audio tokens, as the token bus carries them, for 16 kHz samples starting at media time 0. */
    public List<Token> tokens(float[] pcm, double until) {
        List<Token> out = new ArrayList<>();
        SpeechFeatureExtractor x = new SpeechFeatureExtractor(mel, embedding, new SpeechFeatureListener() {
            @Override
            public void onToken(AudioToken t) {
                if (t.t() <= until) {
                    out.add(Token.audio(t.index(), t.t(), t.vector()));
                }
            }
        });
        int block = SpeechFeatureExtractor.BLOCK;
        for (int i = 0; i < pcm.length; i += block) {
            float[] chunk = new float[Math.min(block, pcm.length - i)];
            System.arraycopy(pcm, i, chunk, 0, chunk.length);
            x.accept(i / (double) RATE, chunk);
        }
        return out;
    }

    /** espeak-ng's {@code text} in {@code voice} with the lead-in and 0.5 s after, and where the speech ends. */
    float[] spoken(String voice, String text, double[] speechEnd) throws IOException {
        float[] speech = WakeSpeech.speak(tmp, voice, 175, 50, text);
        int lead = (int) (LEAD_SECONDS * RATE);
        float[] pcm = new float[lead + speech.length + RATE / 2];
        System.arraycopy(speech, 0, pcm, lead, speech.length);
        speechEnd[0] = (lead + lastLoud(speech)) / (double) RATE;
        return pcm;
    }

    /** The last sample above −40 dBFS (espeak-ng ends its files with some silence). */
    private static int lastLoud(float[] s) {
        for (int i = s.length - 1; i >= 0; i--) {
            if (Math.abs(s[i]) > 0.01f) {
                return i;
            }
        }
        return s.length;
    }

    /** Every held-out sentence in every voice through {@code assistant} (no transcript). */
    public Result run(Assistant assistant, IntentPhrases heldOut, List<String> voices, PrintWriter log)
            throws IOException {
        int commands = 0;
        int correct = 0;
        int understood = 0;
        int nonCommands = 0;
        int falseActions = 0;
        Map<String, int[]> perIntent = new LinkedHashMap<>();
        List<String> misses = new ArrayList<>();
        for (String voice : voices) {
            for (Map.Entry<String, List<String>> e : heldOut.byIntent().entrySet()) {
                for (String text : e.getValue()) {
                    double[] end = new double[1];
                    float[] pcm = spoken(voice, text, end);
                    List<Token> tokens = tokens(pcm, end[0] + 0.1);
                    Assistant.Outcome o = assistant.handle(new Command(end[0], ListeningMode.PUSH_TO_TALK, null,
                            tokens, System.nanoTime()));
                    String got = o.decision().understood() ? o.decision().intent() : "(not understood)";
                    int[] c = perIntent.computeIfAbsent(e.getKey(), k -> new int[2]);
                    c[1]++;
                    if ("none".equals(e.getKey())) {
                        nonCommands++;
                        if (o.reply().acted()) {
                            falseActions++;
                            misses.add(voice + ": none -> " + got + " (ACTED): " + text);
                        } else {
                            c[0]++;
                        }
                    } else {
                        commands++;
                        understood += o.decision().understood() ? 1 : 0;
                        if (o.decision().understood() && o.decision().intent().equals(e.getKey())) {
                            correct++;
                            c[0]++;
                        } else {
                            misses.add(String.format(Locale.ROOT, "%s: %s -> %s %.2f: %s", voice, e.getKey(), got,
                                    o.decision().confidence(), text));
                        }
                    }
                }
            }
            log.printf(Locale.ROOT, "  spoken commands: voice %s done (%d/%d right so far)%n", voice, correct,
                    commands);
            log.flush();
        }
        return new Result(commands, correct, understood, nonCommands, falseActions, perIntent, misses);
    }

    @Override
    public void close() {
        mel.close();
        embedding.close();
    }
}
