package dev.attend.app.bench;

import dev.attend.audio.WavFileSource;
import dev.attend.encoders.audio.AudioEncoders;
import dev.attend.encoders.audio.AudioModels;
import dev.attend.encoders.audio.features.AudioTokenStream;
import dev.attend.encoders.audio.features.MelFrame;
import dev.attend.encoders.audio.features.MelSpectrogram;
import dev.attend.encoders.audio.features.SpeechEmbedding;
import dev.attend.encoders.audio.features.SpeechFeatureExtractor;
import dev.attend.encoders.audio.vad.SileroVad;
import dev.attend.encoders.audio.wake.WakeOptions;
import dev.attend.encoders.audio.wake.WakeWordModel;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Audio encoders: per-call latency of Silero VAD, the mel model, the speech embedding and a wake-word head, and the
 * real-time factor of the whole audio encoder stack (VAD + mel + embedding + every bundled wake head) on 60 s of
 * audio, all on the calling thread.
 */
public final class AudioEncoderBench implements EncoderBench {

    private static final int RATE = AudioChunk.SAMPLE_RATE;
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    @Override
    public String name() {
        return "audio";
    }

    @Override
    public void run(BenchSettings s, PrintWriter out) throws Exception {
        List<AudioChunk> chunks = s.audio() != null ? read(s.audio()) : generated(s.seconds());
        float[] audio = concat(chunks);
        double seconds = audio.length / (double) RATE;
        out.printf(Locale.ROOT, "Audio encoders (DJL %s engine, CPU, 1 intra-op thread); input %s, %.1f s%n",
                dev.attend.onnx.OnnxNet.ENGINE, s.audio() != null ? s.audio() : "generated noise bursts",
                seconds);
        out.println(LatencyStats.header());
        List<LatencyStats> rows = new ArrayList<>();
        try (SileroVad vad = SileroVad.load()) {
            rows.add(time("vad silero (512 samples)", s, i -> vad.probability(
                    Arrays.copyOfRange(audio, offset(i, 512, audio), offset(i, 512, audio) + 512))));
        }
        try (MelSpectrogram mel = MelSpectrogram.load()) {
            float[] block = new float[SpeechFeatureExtractor.CONTEXT + SpeechFeatureExtractor.BLOCK];
            rows.add(time("mel (1760 samples -> 8x32)", s, i -> {
                int o = offset(i, block.length, audio);
                for (int k = 0; k < block.length; k++) {
                    block[k] = audio[o + k] * 32768f;
                }
                mel.frames(block);
            }));
        }
        try (SpeechEmbedding emb = SpeechEmbedding.load()) {
            float[] window = melWindows(audio);
            int n = 76 * MelFrame.BINS;
            int count = window.length / n;
            rows.add(time("embedding (76x32 -> 96)", s, i -> emb.embed(
                    Arrays.copyOfRange(window, (i % count) * n, (i % count) * n + n))));
        }
        try (WakeWordModel wake = WakeWordModel.load("hey_jarvis")) {
            float[] history = new float[AudioModels.WAKE_WINDOW * 96];
            Random r = new Random(1);
            for (int k = 0; k < history.length; k++) {
                history[k] = (float) r.nextGaussian();
            }
            rows.add(time("wake hey_jarvis (16x96 -> 1)", s, i -> wake.score(history)));
        }
        rows.forEach(row -> out.println(row.row()));

        double[] wall = new double[s.rounds()];
        double[] cpu = new double[s.rounds()];
        for (int r = -1; r < s.rounds(); r++) {
            double[] w = stack(chunks, WakeOptions.defaults());
            if (r >= 0) {
                wall[r] = w[0];
                cpu[r] = w[1];
            }
        }
        Arrays.sort(wall);
        Arrays.sort(cpu);
        double median = wall[wall.length / 2];
        double cpuMedian = cpu[cpu.length / 2];
        out.printf(Locale.ROOT, "  whole stack (vad + mel + embedding + %d wake heads, %d block phases, one thread) on "
                + "%.1f s of audio, "
                + "median of %d rounds:%n    wall %.3f s = real-time factor %.4f; CPU %.3f s = real-time factor %.4f%n",
                AudioModels.wakeWordNames().size(), WakeOptions.DEFAULT_PHASES, seconds, s.rounds(), median, median / seconds, cpuMedian,
                cpuMedian / seconds);
        out.flush();
    }

    /** Wall and CPU seconds to push every chunk through the VAD and feature stages, in turn, on this thread. */
    static double[] stack(List<AudioChunk> chunks, WakeOptions wake) throws Exception {
        List<Stage<AudioChunk>> stages = AudioEncoders.stages(true, AudioModels.wakeWordNames(), wake,
                new AudioTokenStream());
        StageContext ctx = context();
        try {
            for (Stage<AudioChunk> st : stages) {
                st.start(ctx);
            }
            long t0 = System.nanoTime();
            long cpu0 = CPU.getCurrentThreadCpuTime();
            for (AudioChunk c : chunks) {
                for (Stage<AudioChunk> st : stages) {
                    st.process(c, ctx);
                }
            }
            for (Stage<AudioChunk> st : stages) {
                st.end(ctx);
            }
            return new double[] {(System.nanoTime() - t0) / 1e9, (CPU.getCurrentThreadCpuTime() - cpu0) / 1e9};
        } finally {
            for (Stage<AudioChunk> st : stages) {
                st.close();
            }
        }
    }

    private static LatencyStats time(String what, BenchSettings s, IntConsumer call) {
        for (int i = 0; i < s.warmup(); i++) {
            call.accept(i);
        }
        long[] nanos = new long[s.calls()];
        long cpu0 = CPU.getCurrentThreadCpuTime();
        for (int i = 0; i < s.calls(); i++) {
            long t0 = System.nanoTime();
            call.accept(i);
            nanos[i] = System.nanoTime() - t0;
        }
        return LatencyStats.of(what, nanos, CPU.getCurrentThreadCpuTime() - cpu0);
    }

    /** Real mel windows from the audio, so the embedding sees realistic input. */
    private static float[] melWindows(float[] audio) throws Exception {
        List<float[]> frames = new ArrayList<>();
        try (MelSpectrogram mel = MelSpectrogram.load(); SpeechEmbedding emb = SpeechEmbedding.load()) {
            SpeechFeatureExtractor x = new SpeechFeatureExtractor(mel, emb, new dev.attend.encoders.audio.features
                    .SpeechFeatureListener() {
                @Override
                public void onMelFrame(MelFrame f) {
                    frames.add(f.bins());
                }
            });
            x.accept(0, Arrays.copyOf(audio, Math.min(audio.length, 10 * RATE)));
        }
        int windows = Math.max(1, (frames.size() - 76) / 8);
        float[] out = new float[windows * 76 * MelFrame.BINS];
        for (int w = 0; w < windows; w++) {
            for (int f = 0; f < 76; f++) {
                float[] src = frames.get(Math.min(frames.size() - 1, w * 8 + f));
                System.arraycopy(src, 0, out, (w * 76 + f) * MelFrame.BINS, MelFrame.BINS);
            }
        }
        return out;
    }

    private static int offset(int i, int len, float[] audio) {
        int slots = Math.max(1, (audio.length - len) / len);
        return (i % slots) * len;
    }

    static List<AudioChunk> read(java.nio.file.Path file) throws Exception {
        List<AudioChunk> out = new ArrayList<>();
        try (WavFileSource src = new WavFileSource(file)) {
            src.open();
            AudioChunk c;
            while ((c = src.readChunk()) != null) {
                out.add(c);
            }
        }
        return out;
    }

    /** Seeded noise bursts (0.5 s on, 0.5 s off) in 80 ms chunks: a stand-in when no file is given. */
    static List<AudioChunk> generated(int seconds) {
        Random r = new Random(42);
        List<AudioChunk> out = new ArrayList<>();
        int chunk = 1280;
        for (int i = 0; i < seconds * RATE / chunk; i++) {
            float[] s = new float[chunk];
            boolean on = (i * chunk / (RATE / 2)) % 2 == 0;
            for (int k = 0; k < chunk; k++) {
                s[k] = on ? (float) (0.1 * r.nextGaussian()) : 0f;
            }
            out.add(new AudioChunk(i, i * chunk / (double) RATE, s, System.nanoTime()));
        }
        return out;
    }

    private static float[] concat(List<AudioChunk> chunks) {
        int n = chunks.stream().mapToInt(AudioChunk::length).sum();
        float[] out = new float[n];
        int o = 0;
        for (AudioChunk c : chunks) {
            System.arraycopy(c.samples(), 0, out, o, c.length());
            o += c.length();
        }
        return out;
    }

    private static StageContext context() {
        return new StageContext() {
            @Override
            public EventSink events() {
                return EventSink.discard();
            }

            @Override
            public Pacing pacing() {
                return Pacing.FAST;
            }

            @Override
            public boolean stopping() {
                return false;
            }
        };
    }
}
