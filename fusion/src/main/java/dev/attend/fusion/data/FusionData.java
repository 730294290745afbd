package dev.attend.fusion.data;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.BufferedWriter;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The on-disk format of generated fusion data (docs/fusion.md): a JSON header, one JSON line per utterance and per
 * sample, and little-endian float32 tensors, so training reads tensors, never media.
 */
public final class FusionData {

    public static final String HEADER = "fusion-data.json";
    public static final String UTTERANCES = "utterances.jsonl";
    public static final String SAMPLES = "samples.jsonl";
    public static final String AUDIO = "audio.f32";
    public static final String AUDIO_TIMES = "audio-times.f32";
    public static final String TEXT = "text.f32";
    public static final String VIDEO = "video.f32";
    public static final String FORMAT = "attend-fusion-data";
    public static final int VERSION = 1;
    static final ObjectMapper JSON = new ObjectMapper();

    /** Header of a data folder. */
    public record Header(String format, int version, long seed, double tokenSeconds, int audioTokens, int videoTokens,
                         int textTokens, int audioDim, int videoDim, int textDim, List<String> intents,
                         List<String> voices, List<String> faces, int utterances, int samples) {
    }

    /** A word and its true time span (s from the window start); {@code estimate}: the time the model is given. */
    public record Word(String word, double start, double end, double estimate) {
    }

    /** One spoken utterance in its window. */
    public record Utterance(int id, String voice, int speed, int pitch, double snrDb, String text, String intent,
                            List<Word> words) {
    }

    /**
     * One training window: the audio (and text) of {@code utterance}, the face video driven by the speech of
     * {@code videoUtterance} shifted by {@code shift} seconds, and its labels.
     *
     * @param condition {@code sync}, {@code shift}, {@code other}, {@code away}, {@code silent}, {@code absent}
     */
    public record Sample(int id, int utterance, int videoUtterance, String face, String condition, double shift,
                         int sync, int addressee) {
    }

    private FusionData() {
    }

    /** Streams a data folder out; {@link #close} writes the header last, so a folder with a header is complete. */
    public static final class Writer implements AutoCloseable {
        private final Path dir;
        private final Header template;
        private final DataOutputStream audio;
        private final DataOutputStream audioTimes;
        private final DataOutputStream text;
        private final DataOutputStream video;
        private final BufferedWriter utterances;
        private final BufferedWriter samples;
        private int nUtt;
        private int nSamples;

        public Writer(Path dir, Header template) throws IOException {
            this.dir = dir;
            this.template = template;
            Files.createDirectories(dir);
            Files.deleteIfExists(dir.resolve(HEADER));
            audio = out(dir.resolve(AUDIO));
            audioTimes = out(dir.resolve(AUDIO_TIMES));
            text = out(dir.resolve(TEXT));
            video = out(dir.resolve(VIDEO));
            utterances = Files.newBufferedWriter(dir.resolve(UTTERANCES), StandardCharsets.UTF_8);
            samples = Files.newBufferedWriter(dir.resolve(SAMPLES), StandardCharsets.UTF_8);
        }

        private static DataOutputStream out(Path p) throws IOException {
            return new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(p), 1 << 16));
        }

        /**
         * Adds an utterance; first everything written so far reaches the files, so an interrupted run loses at most
         * the utterance it was working on ({@link #salvage}).
         */
        public void utterance(Utterance u, float[] audioTokens, float[] times, float[] textTokens) throws IOException {
            for (java.io.Flushable f : List.<java.io.Flushable>of(audio, audioTimes, text, video, utterances, samples)) {
                f.flush();
            }
            check(audioTokens, template.audioTokens() * template.audioDim(), "audio");
            check(times, template.audioTokens(), "audio times");
            check(textTokens, template.textTokens() * template.textDim(), "text");
            floats(audio, audioTokens);
            floats(audioTimes, times);
            floats(text, textTokens);
            utterances.write(JSON.writeValueAsString(u));
            utterances.newLine();
            nUtt++;
        }

        public void sample(Sample s, float[] videoTokens) throws IOException {
            check(videoTokens, template.videoTokens() * template.videoDim(), "video");
            floats(video, videoTokens);
            samples.write(JSON.writeValueAsString(s));
            samples.newLine();
            nSamples++;
        }

        private static void check(float[] a, int n, String what) {
            if (a.length != n) {
                throw new IllegalArgumentException(what + " tensor has " + a.length + " values, expected " + n);
            }
        }

        private static void floats(DataOutputStream out, float[] a) throws IOException {
            ByteBuffer b = ByteBuffer.allocate(a.length * 4).order(ByteOrder.LITTLE_ENDIAN);
            b.asFloatBuffer().put(a);
            out.write(b.array());
        }

        @Override
        public void close() throws IOException {
            for (java.io.Closeable c : List.<java.io.Closeable>of(audio, audioTimes, text, video, utterances, samples)) {
                c.close();
            }
            Header h = new Header(FORMAT, VERSION, template.seed(), template.tokenSeconds(), template.audioTokens(),
                    template.videoTokens(), template.textTokens(), template.audioDim(), template.videoDim(),
                    template.textDim(), template.intents(), template.voices(), template.faces(), nUtt, nSamples);
            JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(HEADER).toFile(), h);
        }
    }

    /**
     * Makes an interrupted folder usable: keeps the utterances whose tensors, lines and all three samples were
     * written completely, truncates the files to them and writes the header.
     *
     * @param template header fields (voices, faces, sizes) of the run that was interrupted
     * @return the header written
     */
    public static Header salvage(Path dir, Header template) throws IOException {
        int ta = template.audioTokens();
        int tv = template.videoTokens();
        int tt = template.textTokens();
        List<String> uLines = completeLines(dir.resolve(UTTERANCES));
        List<String> sLines = completeLines(dir.resolve(SAMPLES));
        long n = uLines.size();
        n = Math.min(n, Files.size(dir.resolve(AUDIO)) / (4L * ta * template.audioDim()));
        n = Math.min(n, Files.size(dir.resolve(AUDIO_TIMES)) / (4L * ta));
        n = Math.min(n, Files.size(dir.resolve(TEXT)) / (4L * tt * template.textDim()));
        long samplesDone = Math.min(sLines.size(), Files.size(dir.resolve(VIDEO)) / (4L * tv * template.videoDim()));
        List<Sample> samples = new ArrayList<>();
        for (String l : sLines.subList(0, (int) samplesDone)) {
            samples.add(JSON.readValue(l, Sample.class));
        }
        // an utterance counts only with all its samples (the next utterance's first sample proves it)
        long complete = 0;
        for (Sample s : samples) {
            if (s.utterance() > complete) {
                complete = s.utterance();
            }
        }
        n = Math.min(n, complete);
        int keepSamples = 0;
        while (keepSamples < samples.size() && samples.get(keepSamples).utterance() < n) {
            keepSamples++;
        }
        truncate(dir.resolve(AUDIO), n * 4L * ta * template.audioDim());
        truncate(dir.resolve(AUDIO_TIMES), n * 4L * ta);
        truncate(dir.resolve(TEXT), n * 4L * tt * template.textDim());
        truncate(dir.resolve(VIDEO), keepSamples * 4L * tv * template.videoDim());
        Files.write(dir.resolve(UTTERANCES), uLines.subList(0, (int) n), StandardCharsets.UTF_8);
        Files.write(dir.resolve(SAMPLES), sLines.subList(0, keepSamples), StandardCharsets.UTF_8);
        Header h = new Header(FORMAT, VERSION, template.seed(), template.tokenSeconds(), ta, tv, tt,
                template.audioDim(), template.videoDim(), template.textDim(), template.intents(), template.voices(),
                template.faces(), (int) n, keepSamples);
        JSON.writerWithDefaultPrettyPrinter().writeValue(dir.resolve(HEADER).toFile(), h);
        return h;
    }

    private static List<String> completeLines(Path p) throws IOException {
        String all = Files.readString(p, StandardCharsets.UTF_8);
        int end = all.lastIndexOf('\n');
        List<String> out = new ArrayList<>();
        if (end < 0) {
            return out;
        }
        for (String l : all.substring(0, end).split("\n")) {
            if (!l.isBlank()) {
                out.add(l);
            }
        }
        return out;
    }

    private static void truncate(Path p, long size) throws IOException {
        try (var ch = java.nio.channels.FileChannel.open(p, java.nio.file.StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    /** Reads a float32 file completely, checking its size. */
    static float[] readFloats(Path p, long expected) throws IOException {
        if (!Files.isRegularFile(p)) {
            throw new IOException("missing " + p.getFileName() + " in " + p.getParent());
        }
        long size = Files.size(p);
        if (size != expected * 4) {
            throw new IOException(p.getFileName() + " has " + size + " bytes, expected " + expected * 4
                    + " (damaged or from another format version)");
        }
        float[] out = new float[(int) expected];
        ByteBuffer.wrap(Files.readAllBytes(p)).order(ByteOrder.LITTLE_ENDIAN).asFloatBuffer().get(out);
        return out;
    }

    static <T> List<T> readLines(Path p, Class<T> type) throws IOException {
        List<T> out = new ArrayList<>();
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(JSON.readValue(line, type));
            }
        }
        return out;
    }
}
