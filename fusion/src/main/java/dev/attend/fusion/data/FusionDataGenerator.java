package dev.attend.fusion.data;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.attend.encoders.audio.AudioModels;
import dev.attend.onnx.OnnxNet;
import dev.attend.encoders.audio.features.AudioToken;
import dev.attend.encoders.audio.features.MelFrame;
import dev.attend.encoders.audio.features.MelSpectrogram;
import dev.attend.encoders.audio.features.SpeechEmbedding;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.media.VideoFrame;
import dev.attend.encoders.text.EncoderOutput;
import dev.attend.encoders.text.MiniLm;
import dev.attend.encoders.vision.BlazeFaceDetector;
import dev.attend.encoders.vision.FaceDetection;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Makes a fusion data folder: espeak-ng utterances of intent phrases over the given voices, each in a fixed window
 * (70 % continuous sentences, the rest word by word), through the project's own encoders — the live path's
 * streaming {@link dev.attend.encoders.audio.features.SpeechFeatureExtractor} after a second of the window's own
 * background, so the tokens are those live fusion sees — and MiniLM, and talking-face videos of the
 * given faces as video tokens, with positives and negatives (see {@link FusionData.Sample}).
 */
public final class FusionDataGenerator {

    /** What to generate. */
    public record Options(Path out, List<String> voices, List<String> faces, long seed, int utterances,
                          String espeak, FusionConfig cfg) {
    }

    /** Progress callback: utterances done of total. */
    public interface Progress {
        void update(int done, int total);
    }

    /** Share of utterances spoken as one continuous sentence (the rest word by word, joined by short pauses). */
    static final double CONTINUOUS = 0.7;
    /** Phrases (in all) that may be replaced by another of their intent because they do not fit the window. */
    private static final int MAX_REFITS = 1000;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(FusionDataGenerator.class);
    private final Options o;
    private final Random r;

    public FusionDataGenerator(Options o) {
        if (o.voices().isEmpty() || o.faces().isEmpty()) {
            throw new IllegalArgumentException("at least one voice and one face are needed");
        }
        if (o.utterances() < 2) {
            throw new IllegalArgumentException("at least 2 utterances are needed: " + o.utterances());
        }
        this.o = o;
        this.r = new Random(o.seed());
    }

    public FusionData.Header run(Progress progress) throws IOException {
        Espeak espeak = new Espeak(o.espeak());
        if (!espeak.available()) {
            throw new IOException("espeak-ng not found or not working (" + o.espeak() + "); install the espeak-ng package");
        }
        FusionConfig cfg = o.cfg();
        List<TalkingFace> faces = new ArrayList<>();
        List<String> faceNames = new ArrayList<>();
        try (BlazeFaceDetector detector = BlazeFaceDetector.load()) {
            for (String spec : o.faces()) {
                VideoFrame canvas = FaceImages.load(DataDefaults.resolve(spec));
                List<FaceDetection> found = detector.detect(canvas);
                if (found.isEmpty()) {
                    LOG.warn("BlazeFace finds no face in {}: left out", spec);
                    continue;
                }
                faces.add(new TalkingFace(canvas, found.get(0)));
                faceNames.add(spec);
            }
            if (faces.isEmpty()) {
                throw new IOException("BlazeFace finds a face in none of the " + o.faces().size() + " face images");
            }
        } catch (ai.djl.translate.TranslateException e) {
            throw new IOException("face detection failed: " + e.getMessage(), e);
        }
        FusionData.Header template = new FusionData.Header(FusionData.FORMAT, FusionData.VERSION, o.seed(),
                FusionConfig.TOKEN_SECONDS, cfg.audioTokens(), cfg.videoTokens(), cfg.textTokens(),
                FusionConfig.AUDIO_DIM, FusionConfig.VIDEO_DIM, FusionConfig.TEXT_DIM, cfg.intents(), o.voices(),
                faceNames, 0, 0);
        List<IntentPhrases.Phrase> phrases = IntentPhrases.sample(o.utterances(), r, cfg.intents());
        double seconds = cfg.windowSeconds();
        List<SpeechWindow> recent = new ArrayList<>();
        int sampleId = 0;
        try (MelSpectrogram melModel = MelSpectrogram.load(); SpeechEmbedding embModel = SpeechEmbedding.load();
             MiniLm minilm = MiniLm.load(false); FusionData.Writer w = new FusionData.Writer(o.out(), template)) {
            int refits = 0;
            for (int u = 0; u < phrases.size(); u++) {
                IntentPhrases.Phrase ph = phrases.get(u);
                List<String> words = List.of(ph.text().split(" "));
                String voice = o.voices().get(u % o.voices().size());
                SpeechWindow win = null;
                Espeak.Voice v = null;
                boolean continuous = r.nextDouble() < CONTINUOUS;
                for (int attempt = 0; attempt < 4 && win == null; attempt++) {
                    v = new Espeak.Voice(voice, 130 + r.nextInt(70) + 30 * attempt, 20 + r.nextInt(60));
                    win = continuous ? SpeechWindow.placeSentence(espeak.sentence(v, words), seconds, r)
                            : SpeechWindow.place(espeak.words(v, words), seconds, r);
                }
                if (win == null) { // too long for the window even spoken fast: another phrase of the same intent
                    List<IntentPhrases.Phrase> same = IntentPhrases.all(ph.intent());
                    phrases.set(u, same.get(r.nextInt(same.size())));
                    if (++refits > MAX_REFITS) {
                        throw new IOException("'" + ph.text() + "' does not fit a " + seconds + "-s window even spoken fast");
                    }
                    u--;
                    continue;
                }
                float[][] audio = StreamedTokens.of(melModel, embModel, win.before(StreamedTokens.BEFORE, r),
                        win.samples(), cfg.audioTokens());
                List<FusionData.Word> wordList = wordTimes(win, words);
                float[] text = textTokens(minilm, words, cfg.textTokens());
                w.utterance(new FusionData.Utterance(u, voice, v.speed(), v.pitch(),
                        Double.isFinite(win.snrDb()) ? Math.round(win.snrDb() * 10) / 10.0 : 99.0, ph.text(), ph.intent(),
                        wordList), audio[0], audio[1], text);
                int f = r.nextInt(faces.size());
                TalkingFace face = faces.get(f);
                String faceName = faceNames.get(f);
                float[] times = audio[1];
                w.sample(new FusionData.Sample(sampleId++, u, u, faceName, "sync", 0, 1, 1),
                        video(face, win, 0, false, false, times));
                if (r.nextBoolean() || recent.isEmpty()) {
                    double shift = (0.2 + 0.8 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1);
                    w.sample(new FusionData.Sample(sampleId++, u, u, faceName, "shift", round(shift), 0, 0),
                            video(face, win, shift, false, false, times));
                } else {
                    int k = r.nextInt(recent.size());
                    w.sample(new FusionData.Sample(sampleId++, u, u - recent.size() + k, faceName, "other", 0, 0, 0),
                            video(face, recent.get(k), 0, false, false, times));
                }
                double c = r.nextDouble();
                if (c < 0.4) {
                    w.sample(new FusionData.Sample(sampleId++, u, u, faceName, "away", 0, 1, 0),
                            video(face, win, 0, true, false, times));
                } else if (c < 0.7) {
                    w.sample(new FusionData.Sample(sampleId++, u, u, faceName, "silent", 0, 0, 0),
                            video(face, null, 0, false, false, times));
                } else {
                    w.sample(new FusionData.Sample(sampleId++, u, u, faceName, "absent", 0, 0, 0),
                            video(face, win, 0, false, true, times));
                }
                recent.add(win);
                if (recent.size() > 20) {
                    recent.remove(0);
                }
                progress.update(u + 1, phrases.size());
            }
            w.close();
            return FusionDataset.load(o.out()).header();
        }
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }

    /**
     * [0] = tokens × 96 embeddings, [1] = their times (end of the audio each covers): what
     * {@link dev.attend.encoders.audio.features.SpeechFeatureExtractor} streams, computed in two batched model calls (the
     * mel frames of consecutive blocks continue seamlessly, so the whole window's frames are the same frames).
     */
    static float[][] audioTokens(OnnxNet mel, OnnxNet emb, float[] samples, int n) {
        float[] pcm = new float[samples.length];
        for (int i = 0; i < pcm.length; i++) {
            pcm[i] = Math.max(-32768f, Math.min(32767f, Math.round(samples[i] * 32768f)));
        }
        float[] frames;
        try (NDManager m = mel.newCallManager()) {
            NDList in = new NDList(m.create(pcm, new Shape(1, pcm.length)));
            in.get(0).setName("input");
            frames = mel.run(in).get(0).toFloatArray();
        }
        int bins = MelFrame.BINS;
        int nFrames = frames.length / bins;
        int wf = AudioToken.WINDOW_FRAMES;
        float[] windows = new float[n * wf * bins];
        float[] t = new float[n];
        for (int i = 0; i < n; i++) {
            int last = 4 + 8 * i;
            if (last >= nFrames) {
                throw new IllegalStateException("window gave " + nFrames + " mel frames, too few for " + n + " tokens");
            }
            for (int j = 0; j < wf; j++) {
                int f = last - wf + 1 + j;
                for (int b = 0; b < bins; b++) {
                    windows[(i * wf + j) * bins + b] = f < 0 ? 1f : frames[f * bins + b] / 10f + 2f;
                }
            }
            t[i] = (float) (Math.round((last * 160 + 512) / 16000.0 * 1e6) / 1e6);
        }
        float[] a;
        try (NDManager m = emb.newCallManager()) {
            NDList in = new NDList(m.create(windows, new Shape(n, wf, bins, 1)));
            in.get(0).setName("input_1");
            a = emb.run(in).get(0).toFloatArray();
        }
        if (a.length != n * AudioToken.DIM) {
            throw new IllegalStateException("speech embedding gave " + a.length + " values for " + n + " windows");
        }
        return new float[][] {a, t};
    }

    /** True spans, and the estimate the model sees: the speech segment's ends (±50 ms) split by word length. */
    private List<FusionData.Word> wordTimes(SpeechWindow win, List<String> words) {
        int n = words.size();
        double s0 = win.start(0) + 0.05 * r.nextGaussian();
        double s1 = win.end(n - 1) + 0.05 * r.nextGaussian();
        double chars = 0;
        for (String w : words) {
            chars += w.length() + 1;
        }
        List<FusionData.Word> out = new ArrayList<>();
        double acc = 0;
        for (int i = 0; i < n; i++) {
            double len = words.get(i).length() + 1;
            double est = s0 + (s1 - s0) * (acc + len / 2) / chars;
            acc += len;
            out.add(new FusionData.Word(words.get(i), round(win.start(i)), round(win.end(i)), round(est)));
        }
        return out;
    }

    /** One MiniLM vector per word (the mean of its word pieces' vectors in the whole sentence), zero-padded. */
    public static float[] textTokens(MiniLm minilm, List<String> words, int max) {
        EncoderOutput enc = minilm.encode(List.of(String.join(" ", words)));
        float[][] hidden = enc.hidden()[0];
        float[] out = new float[max * FusionConfig.TEXT_DIM];
        int piece = 1; // after [CLS]
        for (int i = 0; i < Math.min(max, words.size()); i++) {
            int n = Math.max(1, minilm.tokenizer().encode(words.get(i)).lengths()[0] - 2);
            for (int p = piece; p < Math.min(piece + n, hidden.length - 1); p++) {
                for (int d = 0; d < FusionConfig.TEXT_DIM; d++) {
                    out[i * FusionConfig.TEXT_DIM + d] += hidden[p][d] / n;
                }
            }
            piece += n;
        }
        return out;
    }

    /**
     * Video tokens on the audio token times. {@code speech} drives the mouth (null = a silent face), {@code shift}
     * delays it (s), {@code away} turns the head 50–75°, {@code absent} gives no face at all.
     */
    private float[] video(TalkingFace face, SpeechWindow speech, double shift, boolean away, boolean absent,
                          float[] times) {
        int dv = FusionConfig.VIDEO_DIM;
        float[] out = new float[times.length * dv];
        if (absent) {
            return out;
        }
        double s0 = 0.8 + 0.35 * r.nextDouble();
        double zoom = 0.1 * (r.nextDouble() - 0.5);
        double ax = 12 * r.nextDouble();
        double ay = 8 * r.nextDouble();
        double fx = 0.1 + 0.4 * r.nextDouble();
        double fy = 0.1 + 0.4 * r.nextDouble();
        double px = 2 * Math.PI * r.nextDouble();
        double py = 2 * Math.PI * r.nextDouble();
        double roll = 0.12 * (r.nextDouble() - 0.5) * 2;
        double yaw0 = away ? (0.87 + 0.44 * r.nextDouble()) * (r.nextBoolean() ? 1 : -1) : 0.25 * (2 * r.nextDouble() - 1);
        float score0 = face.face().score();
        for (int j = 0; j < times.length; j++) {
            if (r.nextDouble() < 0.02) {
                continue; // a missed detection
            }
            double t = times[j];
            TalkingFace.Pose prev = pose(t - 0.04, s0, zoom, ax, ay, fx, fy, px, py, roll, yaw0);
            TalkingFace.Pose cur = pose(t, s0, zoom, ax, ay, fx, fy, px, py, roll, yaw0);
            double o0 = speech == null ? 0.03 * r.nextDouble() : speech.openingAt(t - 0.04 - shift);
            double o1 = speech == null ? 0.03 * r.nextDouble() : speech.openingAt(t - shift);
            float score = (float) Math.max(0.75, Math.min(1, score0 * (1 - 0.25 * Math.abs(Math.sin(cur.yaw())))
                    + 0.01 * r.nextGaussian()));
            float[] tok = face.token(prev, o0, cur, o1, score);
            System.arraycopy(tok, 0, out, j * dv, dv);
        }
        return out;
    }

    private static TalkingFace.Pose pose(double t, double s0, double zoom, double ax, double ay, double fx, double fy,
                                         double px, double py, double roll, double yaw0) {
        return new TalkingFace.Pose(ax * Math.sin(2 * Math.PI * fx * t + px), ay * Math.sin(2 * Math.PI * fy * t + py),
                s0 * (1 + zoom * t), roll * Math.sin(0.7 * t + px), yaw0 + 0.05 * Math.sin(1.3 * t + py));
    }

    static String describe(float[] a) {
        return Arrays.toString(Arrays.copyOf(a, Math.min(8, a.length)));
    }
}
