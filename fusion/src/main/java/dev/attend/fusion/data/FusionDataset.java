package dev.attend.fusion.data;

import dev.attend.fusion.model.FusionConfig;
import dev.attend.fusion.model.FusionInputs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A generated data folder in memory (a few tens of MB), and the model inputs of any of its samples. */
public final class FusionDataset {

    private final FusionData.Header header;
    private final List<FusionData.Utterance> utterances;
    private final List<FusionData.Sample> samples;
    private final float[] audio;
    private final float[] audioTimes;
    private final float[] text;
    private final float[] video;

    private FusionDataset(FusionData.Header header, List<FusionData.Utterance> utterances,
                          List<FusionData.Sample> samples, float[] audio, float[] audioTimes, float[] text, float[] video) {
        this.header = header;
        this.utterances = utterances;
        this.samples = samples;
        this.audio = audio;
        this.audioTimes = audioTimes;
        this.text = text;
        this.video = video;
    }

    /**
     * @throws IOException naming what is missing or inconsistent (an unfinished folder has no header)
     */
    public static FusionDataset load(Path dir) throws IOException {
        Path h = dir.resolve(FusionData.HEADER);
        if (!Files.isRegularFile(h)) {
            throw new IOException("no fusion data in " + dir + " (" + FusionData.HEADER
                    + " missing; make it with: attend testkit fusion-data --out " + dir + ")");
        }
        FusionData.Header header = FusionData.JSON.readValue(h.toFile(), FusionData.Header.class);
        if (!FusionData.FORMAT.equals(header.format()) || header.version() != FusionData.VERSION) {
            throw new IOException(dir + " holds " + header.format() + " version " + header.version() + ", expected "
                    + FusionData.FORMAT + " version " + FusionData.VERSION);
        }
        if (header.audioDim() != FusionConfig.AUDIO_DIM || header.videoDim() != FusionConfig.VIDEO_DIM
                || header.textDim() != FusionConfig.TEXT_DIM) {
            throw new IOException(dir + ": token sizes " + header.audioDim() + "/" + header.videoDim() + "/"
                    + header.textDim() + " do not match the model's " + FusionConfig.AUDIO_DIM + "/"
                    + FusionConfig.VIDEO_DIM + "/" + FusionConfig.TEXT_DIM);
        }
        List<FusionData.Utterance> u = FusionData.readLines(dir.resolve(FusionData.UTTERANCES), FusionData.Utterance.class);
        List<FusionData.Sample> s = FusionData.readLines(dir.resolve(FusionData.SAMPLES), FusionData.Sample.class);
        if (u.size() != header.utterances() || s.size() != header.samples()) {
            throw new IOException(dir + ": header says " + header.utterances() + " utterances and " + header.samples()
                    + " samples, files hold " + u.size() + " and " + s.size());
        }
        long nu = u.size();
        return new FusionDataset(header, u, s,
                FusionData.readFloats(dir.resolve(FusionData.AUDIO), nu * header.audioTokens() * header.audioDim()),
                FusionData.readFloats(dir.resolve(FusionData.AUDIO_TIMES), nu * header.audioTokens()),
                FusionData.readFloats(dir.resolve(FusionData.TEXT), nu * header.textTokens() * header.textDim()),
                FusionData.readFloats(dir.resolve(FusionData.VIDEO), (long) s.size() * header.videoTokens() * header.videoDim()));
    }

    public FusionData.Header header() {
        return header;
    }

    public List<FusionData.Utterance> utterances() {
        return utterances;
    }

    public List<FusionData.Sample> samples() {
        return samples;
    }

    /** A model configuration's window must match the data's. */
    public void checkCompatible(FusionConfig cfg) {
        if (cfg.audioTokens() != header.audioTokens() || cfg.videoTokens() != header.videoTokens()
                || cfg.textTokens() != header.textTokens()) {
            throw new IllegalArgumentException("model windows (" + cfg.audioTokens() + "/" + cfg.videoTokens() + "/"
                    + cfg.textTokens() + " tokens) differ from the data's (" + header.audioTokens() + "/"
                    + header.videoTokens() + "/" + header.textTokens() + ")");
        }
    }

    /**
     * Inputs of the given samples.
     *
     * @param withText per sample: include the transcript's tokens (false = audio and video only)
     */
    public FusionInputs inputs(FusionConfig cfg, int[] sampleIds, boolean[] withText) {
        int b = sampleIds.length;
        FusionInputs in = FusionInputs.empty(b, cfg);
        int ta = cfg.audioTokens();
        int tv = cfg.videoTokens();
        int tt = cfg.textTokens();
        int da = FusionConfig.AUDIO_DIM;
        int dv = FusionConfig.VIDEO_DIM;
        int dt = FusionConfig.TEXT_DIM;
        for (int i = 0; i < b; i++) {
            FusionData.Sample s = samples.get(sampleIds[i]);
            int u = s.utterance();
            System.arraycopy(audio, u * ta * da, in.audio(), i * ta * da, ta * da);
            System.arraycopy(audioTimes, u * ta, in.audioTime(), i * ta, ta);
            System.arraycopy(video, s.id() * tv * dv, in.video(), i * tv * dv, tv * dv);
            for (int j = 0; j < ta; j++) {
                in.audioMask()[i * ta + j] = 1f;
            }
            for (int j = 0; j < tv; j++) {
                in.videoTime()[i * tv + j] = audioTimes[u * ta + Math.min(j, ta - 1)];
                in.videoMask()[i * tv + j] = 1f;
            }
            if (withText[i]) {
                System.arraycopy(text, u * tt * dt, in.text(), i * tt * dt, tt * dt);
                List<FusionData.Word> words = utterances.get(u).words();
                for (int w = 0; w < Math.min(tt, words.size()); w++) {
                    in.textTime()[i * tt + w] = (float) words.get(w).estimate();
                    in.textMask()[i * tt + w] = 1f;
                }
            }
        }
        return in;
    }

    /** Per-dimension mean and 1/standard deviation of every audio token ({@code [0]} mean, {@code [1]} scale). */
    public float[][] audioStandardization() {
        int d = FusionConfig.AUDIO_DIM;
        double[] sum = new double[d];
        double[] sq = new double[d];
        long n = audio.length / d;
        for (int i = 0; i < audio.length; i++) {
            sum[i % d] += audio[i];
            sq[i % d] += (double) audio[i] * audio[i];
        }
        float[][] r = new float[2][d];
        for (int k = 0; k < d; k++) {
            double m = sum[k] / n;
            r[0][k] = (float) m;
            r[1][k] = (float) (1 / Math.sqrt(Math.max(sq[k] / n - m * m, 0) + 1e-6));
        }
        return r;
    }

    /** Audio token times (s) of utterance {@code u}. */
    public float[] audioTimes(int u) {
        int ta = header.audioTokens();
        return java.util.Arrays.copyOfRange(audioTimes, u * ta, (u + 1) * ta);
    }

    /**
     * Writes the folders' utterances and samples, renumbered, into one folder {@code out} (for example data made
     * with more voices later). The header lists every voice and face once, in order of first appearance, and takes
     * the first folder's seed.
     *
     * @throws IOException when a folder cannot be read or the windows differ
     */
    public static FusionData.Header merge(List<Path> dirs, Path out) throws IOException {
        List<FusionDataset> parts = new java.util.ArrayList<>();
        for (Path d : dirs) {
            parts.add(load(d));
        }
        FusionData.Header h0 = parts.get(0).header;
        java.util.LinkedHashSet<String> voices = new java.util.LinkedHashSet<>();
        java.util.LinkedHashSet<String> faces = new java.util.LinkedHashSet<>();
        for (int i = 0; i < parts.size(); i++) {
            FusionData.Header h = parts.get(i).header;
            if (h.audioTokens() != h0.audioTokens() || h.videoTokens() != h0.videoTokens()
                    || h.textTokens() != h0.textTokens() || !h.intents().equals(h0.intents())) {
                throw new IOException(dirs.get(i) + ": windows or intents differ from " + dirs.get(0) + "'s");
            }
            voices.addAll(h.voices());
            faces.addAll(h.faces());
        }
        FusionData.Header template = new FusionData.Header(h0.format(), h0.version(), h0.seed(), h0.tokenSeconds(),
                h0.audioTokens(), h0.videoTokens(), h0.textTokens(), h0.audioDim(), h0.videoDim(), h0.textDim(),
                h0.intents(), List.copyOf(voices), List.copyOf(faces), 0, 0);
        int ta = h0.audioTokens() * h0.audioDim();
        int tt = h0.textTokens() * h0.textDim();
        int tv = h0.videoTokens() * h0.videoDim();
        int uBase = 0;
        int sBase = 0;
        try (FusionData.Writer w = new FusionData.Writer(out, template)) {
            for (FusionDataset p : parts) {
                for (FusionData.Utterance u : p.utterances) {
                    int i = u.id();
                    w.utterance(new FusionData.Utterance(uBase + i, u.voice(), u.speed(), u.pitch(), u.snrDb(),
                                    u.text(), u.intent(), u.words()),
                            java.util.Arrays.copyOfRange(p.audio, i * ta, (i + 1) * ta), p.audioTimes(i),
                            java.util.Arrays.copyOfRange(p.text, i * tt, (i + 1) * tt));
                }
                for (FusionData.Sample s : p.samples) {
                    int i = s.id();
                    w.sample(new FusionData.Sample(sBase + i, uBase + s.utterance(), uBase + s.videoUtterance(),
                                    s.face(), s.condition(), s.shift(), s.sync(), s.addressee()),
                            java.util.Arrays.copyOfRange(p.video, i * tv, (i + 1) * tv));
                }
                uBase += p.utterances.size();
                sBase += p.samples.size();
            }
        }
        return load(out).header;
    }
}
