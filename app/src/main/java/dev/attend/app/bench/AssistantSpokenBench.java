package dev.attend.app.bench;

import dev.attend.assistant.Assistant;
import dev.attend.assistant.Command;
import dev.attend.assistant.CommandAudio;
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
 * speaks), its audio tokens as the live command path gives them at the VAD's end of speech (real up to
 * {@link CommandAudio#REAL_SECONDS} after the speech, then the head's silence token up to
 * {@link CommandAudio#TAIL_SECONDS}: {@link CommandAudio#padded}), and no transcript, so the intent and slots come
 * from the audio model alone. Counts right intents among commands and actions on non-commands, and times each
 * command from the moment its tokens are handed over (the end of speech reaching the assistant) to its reply.
 */
public final class AssistantSpokenBench implements AutoCloseable {

    private static final int RATE = AudioChunk.SAMPLE_RATE;
    private static final double LEAD_SECONDS = 0.3;

    /** The figures of one run. */
    /** @param nanos per sentence, end of speech (the VAD's end reaching the assistant) → reply */
    public record Result(int commands, int correct, int understood, int nonCommands, int falseActions,
                         Map<String, int[]> perIntent, List<String> misses, List<Sample> samples, long[] nanos,
                         List<String> slots) {

        /** Per audio-only confidence threshold: right commands and non-commands the head would act on. */
        public List<String> sweep() {
            List<String> rows = new ArrayList<>();
            for (double th : new double[] {0.5, 0.6, 0.7, 0.8, 0.85, 0.9, 0.95, 0.97, 0.98, 0.99, 0.995}) {
                int right = 0;
                int wrongActs = 0;
                int noneActs = 0;
                for (Sample x : samples) {
                    boolean acts = !"none".equals(x.top()) && x.confidence() >= th;
                    if (!acts) {
                        continue;
                    }
                    if ("none".equals(x.expected())) {
                        noneActs++;
                    } else if (x.top().equals(x.expected())) {
                        right++;
                    } else {
                        wrongActs++;
                    }
                }
                rows.add(String.format(Locale.ROOT, "  audio >= %.2f: right %d/%d = %.3f, wrong actions on commands "
                        + "%d, actions on non-commands %d", th, right, commands, right / (double) commands,
                        wrongActs, noneActs));
            }
            return rows;
        }
    }

    /** One spoken sentence: its intent and the audio head's top intent and probability. */
    public record Sample(String voice, String expected, String top, double confidence) {
    }

    private final MelSpectrogram mel;
    private final SpeechEmbedding embedding;
    private final Path tmp;
    private final boolean wordByWord;

    private final boolean realTail;

    /**
     * @param wordByWord speak each word on its own, joined by 75 ms pauses (the fusion training data's recipe)
     * @param realTail   give the head the real tail after the speech instead of the silence padding the live path
     *                   uses (a diagnosis: what padding costs)
     */
    public AssistantSpokenBench(Path tmp, boolean wordByWord, boolean realTail) throws IOException {
        this.mel = MelSpectrogram.load();
        this.embedding = SpeechEmbedding.load();
        this.tmp = tmp;
        this.wordByWord = wordByWord;
        this.realTail = realTail;
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
        float[] speech = wordByWord ? words(voice, text) : WakeSpeech.speak(tmp, voice, 175, 50, text);
        int lead = (int) (LEAD_SECONDS * RATE);
        float[] pcm = new float[lead + speech.length + RATE / 2];
        System.arraycopy(speech, 0, pcm, lead, speech.length);
        speechEnd[0] = (lead + lastLoud(speech)) / (double) RATE;
        return pcm;
    }

    private float[] words(String voice, String text) throws IOException {
        List<float[]> parts = new ArrayList<>();
        int n = 0;
        for (String w : text.replaceAll("[^\\p{L}\\p{N}' ]", " ").trim().split("\\s+")) {
            float[] s = WakeSpeech.speak(tmp, voice, 175, 50, w);
            int from = firstLoud(s);
            int to = lastLoud(s) + 1;
            float[] cut = java.util.Arrays.copyOfRange(s, Math.min(from, to), to);
            parts.add(cut);
            n += cut.length + RATE * 75 / 1000;
        }
        float[] out = new float[n];
        int pos = 0;
        for (float[] p : parts) {
            System.arraycopy(p, 0, out, pos, p.length);
            pos += p.length + RATE * 75 / 1000;
        }
        return out;
    }

    private static int firstLoud(float[] s) {
        for (int i = 0; i < s.length; i++) {
            if (Math.abs(s[i]) > 0.01f) {
                return i;
            }
        }
        return 0;
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
        List<Sample> samples = new ArrayList<>();
        List<Long> latencies = new ArrayList<>();
        SpokenSlotTally slots = new SpokenSlotTally();
        float[] silence = assistant.audioSilence(); // also loads the head before the first timing
        silence = realTail ? null : silence;
        for (String voice : voices) {
            for (Map.Entry<String, List<String>> e : heldOut.byIntent().entrySet()) {
                for (String text : e.getValue()) {
                    double[] end = new double[1];
                    float[] pcm = spoken(voice, text, end);
                    List<Token> real = tokens(pcm, end[0] + CommandAudio.TAIL_SECONDS);
                    long t0 = System.nanoTime(); // the VAD's end of speech reaches the assistant
                    List<Token> tokens = silence == null ? real : CommandAudio.padded(real, end[0], silence);
                    Assistant.Outcome o = assistant.handle(new Command(end[0], ListeningMode.PUSH_TO_TALK, null,
                            tokens, t0));
                    latencies.add(System.nanoTime() - t0);
                    String got = o.decision().understood() ? o.decision().intent() : "(not understood)";
                    if (o.decision().audio() != null) {
                        samples.add(new Sample(voice, e.getKey(), o.decision().audio().intent(),
                                o.decision().audio().confidence()));
                    }
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
                            if ("timer".equals(e.getKey()) || "note".equals(e.getKey())) {
                                slots.add(e.getKey(), text, o.reply());
                            }
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
        return new Result(commands, correct, understood, nonCommands, falseActions, perIntent, misses, samples,
                latencies.stream().mapToLong(Long::longValue).toArray(), slots.report());
    }

    @Override
    public void close() {
        mel.close();
        embedding.close();
    }
}
