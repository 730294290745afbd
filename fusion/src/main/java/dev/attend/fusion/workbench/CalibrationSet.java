package dev.attend.fusion.workbench;

import dev.attend.encoders.text.MiniLm;
import dev.attend.fusion.data.FusionData;
import dev.attend.fusion.data.FusionDataGenerator;
import dev.attend.fusion.live.StreamWindow;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionInputs;
import dev.attend.token.Token;
import dev.attend.training.CalibrationPrompt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * A calibration recording as two fusion data folders (training, held back). Prompt i's window is the 4 s from its
 * slot's start, built by the live {@link StreamWindow} from the recorded tokens, so it is what live fusion sees.
 * Each prompt gives three samples: in sync (sync 1, addressee 1 — the user read it to the assistant), the same face
 * 0.5–1.0 s off (shift: 0, 0) and another prompt's face (other: 0, 0). The prompt's text is the transcript, its
 * intent the label; word times are estimates spread over the slot by word length (no recognizer is assumed).
 * Every {@link #HOLD_EVERY}-th prompt (2, 5, 8, …) is held back for the before/after metrics.
 */
final class CalibrationSet {

    static final int HOLD_EVERY = 3;
    /** Where speech is expected inside a slot (s from its start); the clip and the prompt display follow it. */
    static final double SPEECH_FROM = 0.4;
    static final double SPEECH_TO = 3.6;

    record Folders(Path train, Path heldBack, int trainPrompts, int heldPrompts) {
    }

    private record Snapshot(double end, FusionInputs in) {
    }

    private CalibrationSet() {
    }

    static Folders write(TokenRecording.Tokens rec, List<CalibrationPrompt> prompts, FusionConfig cfg, Path dir)
            throws IOException {
        List<Snapshot> snaps = windows(rec, cfg);
        int n = Math.min(rec.promptsCovered(), prompts.size());
        List<Integer> train = new ArrayList<>();
        List<Integer> held = new ArrayList<>();
        Snapshot[] own = new Snapshot[n];
        for (int i = 0; i < n; i++) {
            own[i] = near(snaps, i * CalibrationPrompt.SLOT_SECONDS + cfg.windowSeconds() - 0.008);
            if (own[i] == null) {
                continue;
            }
            (i % HOLD_EVERY == HOLD_EVERY - 1 ? held : train).add(i);
        }
        if (train.size() < 4 || held.isEmpty()) {
            throw new IOException("the recording covers " + (train.size() + held.size()) + " prompts with sound; "
                    + "calibration needs at least " + (4 + 2) + " (read each prompt while it is shown)");
        }
        Path t = dir.resolve("train");
        Path h = dir.resolve("heldback");
        try (MiniLm minilm = MiniLm.load(false)) {
            folder(t, train, own, snaps, prompts, cfg, minilm, 11);
            folder(h, held, own, snaps, prompts, cfg, minilm, 12);
        }
        return new Folders(t, h, train.size(), held.size());
    }

    private static List<Snapshot> windows(TokenRecording.Tokens rec, FusionConfig cfg) {
        List<Token> all = new ArrayList<>(rec.video());
        all.addAll(rec.audio());
        // video first at equal times: the live stage also lets video catch up before an audio step
        all.sort(Comparator.comparingDouble(Token::t).thenComparing(tk -> tk.modality() == Token.Modality.AUDIO));
        StreamWindow w = new StreamWindow(cfg);
        List<Snapshot> out = new ArrayList<>();
        for (Token tk : all) {
            if (tk.modality() == Token.Modality.VIDEO) {
                w.addVideo(tk.t(), tk.group(), tk.vector());
            } else {
                w.addAudio(tk.t(), tk.vector());
                if (w.size() == cfg.audioTokens()) {
                    out.add(new Snapshot(w.end(), w.inputs()));
                }
            }
        }
        return out;
    }

    private static Snapshot near(List<Snapshot> snaps, double end) {
        Snapshot best = null;
        for (Snapshot s : snaps) {
            if (best == null || Math.abs(s.end() - end) < Math.abs(best.end() - end)) {
                best = s;
            }
        }
        return best != null && Math.abs(best.end() - end) <= FusionConfig.TOKEN_SECONDS ? best : null;
    }

    private static void folder(Path dir, List<Integer> which, Snapshot[] own, List<Snapshot> snaps,
                               List<CalibrationPrompt> prompts, FusionConfig cfg, MiniLm minilm, long seed)
            throws IOException {
        Random r = new Random(seed);
        FusionData.Header template = new FusionData.Header(FusionData.FORMAT, FusionData.VERSION, seed,
                FusionConfig.TOKEN_SECONDS, cfg.audioTokens(), cfg.videoTokens(), cfg.textTokens(),
                FusionConfig.AUDIO_DIM, FusionConfig.VIDEO_DIM, FusionConfig.TEXT_DIM, cfg.intents(),
                List.of("user"), List.of("camera"), 0, 0);
        int sample = 0;
        try (FusionData.Writer w = new FusionData.Writer(dir, template)) {
            for (int u = 0; u < which.size(); u++) {
                int p = which.get(u);
                CalibrationPrompt prompt = prompts.get(p);
                List<String> words = List.of(prompt.text().toLowerCase(java.util.Locale.ROOT).split("\\s+"));
                FusionInputs in = own[p].in();
                w.utterance(new FusionData.Utterance(u, "user", 0, 0, 99, prompt.text(), prompt.intent(),
                        wordTimes(words)), in.audio(), in.audioTime(),
                        FusionDataGenerator.textTokens(minilm, words, cfg.textTokens()));
                w.sample(new FusionData.Sample(sample++, u, u, "camera", "sync", 0, 1, 1), in.video());
                double shift = (0.5 + 0.5 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
                Snapshot off = near(snaps, own[p].end() + shift);
                if (off == null) {
                    off = near(snaps, own[p].end() - shift);
                    shift = -shift;
                }
                if (off != null) {
                    w.sample(new FusionData.Sample(sample++, u, u, "camera", "shift", shift, 0, 0), off.in().video());
                }
                if (which.size() > 1) {
                    int o = which.get((u + 1) % which.size());
                    w.sample(new FusionData.Sample(sample++, u, u, "camera", "other", 0, 0, 0), own[o].in().video());
                }
            }
        }
    }

    /** Estimated word times over the slot's speech part, in proportion to word length. */
    static List<FusionData.Word> wordTimes(List<String> words) {
        double chars = words.stream().mapToInt(s -> s.length() + 1).sum();
        double span = SPEECH_TO - SPEECH_FROM;
        List<FusionData.Word> out = new ArrayList<>();
        double acc = 0;
        for (String word : words) {
            double len = (word.length() + 1) / chars * span;
            double start = SPEECH_FROM + acc;
            out.add(new FusionData.Word(word, round(start), round(start + len), round(start + len / 2)));
            acc += len;
        }
        return out;
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
