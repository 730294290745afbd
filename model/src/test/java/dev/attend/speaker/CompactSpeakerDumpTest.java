package dev.attend.speaker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.asr.AsrStage;
import dev.attend.asr.FileTranscriber;
import dev.attend.asr.RecognizerOptions;
import dev.attend.event.AsrEvents;
import dev.attend.speaker.compact.CepstralStats;
import dev.attend.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Run by hand: the teacher data of the compact speaker vector. {@code -Dspk.compact=DIR}; {@code -Dspk.mode=files}
 * writes {@code files.csv} ({@code set,voice,sentence,f0..f45,t0..t127}: cepstral statistics of one utterance and
 * libvosk's x-vector of it) for the training voices ({@link SpeakerCorpus#TRAINING_VOICES}, training sentences)
 * and the tuning and held-out voices (the corpus sentences); {@code -Dspk.mode=streams -Dspk.set=… -Dspk.seeds=A-B}
 * appends to {@code streams.csv} ({@code set,seed,index,voice,sentence,f…,t…}) the same for each final of a
 * generated 4-speaker recording decoded end to end, the statistics taken over the final's own span.
 */
@EnabledIfSystemProperty(named = "spk.compact", matches = ".+")
class CompactSpeakerDumpTest {

    @Test
    void dump() throws Exception {
        assumeTrue(ExternalTools.available("espeak-ng", "--version") && ExternalTools.available("sox", "--version"));
        Path dir = Path.of(System.getProperty("spk.compact"));
        Files.createDirectories(dir);
        if (System.getProperty("spk.mode", "files").equals("streams")) {
            streams(dir);
        } else {
            files(dir);
        }
    }

    private void files(Path dir) throws Exception {
        CepstralStats stats = new CepstralStats();
        Random rng = new Random(7);
        StringBuilder out = new StringBuilder();
        for (String voice : SpeakerCorpus.TRAINING_VOICES) {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < SpeakerCorpus.TRAINING_SENTENCES.size(); i++) {
                order.add(i);
            }
            java.util.Collections.shuffle(order, rng);
            for (int s : order.subList(0, Integer.getInteger("spk.perVoice", 8))) {
                line(out, dir, stats, "train", voice, s, SpeakerCorpus.TRAINING_SENTENCES.get(s));
            }
            flush(dir.resolve("files.csv"), out);
        }
        for (String voice : concat(SpeakerCorpus.TUNING_VOICES, SpeakerCorpus.HELD_OUT_VOICES)) {
            String set = SpeakerCorpus.HELD_OUT_VOICES.contains(voice) ? "held-out" : "tuning";
            for (int s = 0; s < SpeakerCorpus.SENTENCES.size(); s++) {
                line(out, dir, stats, set, voice, s, SpeakerCorpus.SENTENCES.get(s));
            }
            flush(dir.resolve("files.csv"), out);
        }
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> l = new ArrayList<>(a);
        l.addAll(b);
        return l;
    }

    private void line(StringBuilder out, Path dir, CepstralStats stats, String set, String voice, int s,
                      String sentence) throws Exception {
        String name = "u-" + voice.replaceAll("[^A-Za-z0-9]", "_") + "-" + set + s;
        Path wav = dev.attend.encoders.audio.TestAudio.speech(dir, name, voice, sentence, 0.3, 0.3);
        float[] teacher = SpeakerCorpus.vector(wav);
        float[] pcm = samples(wav);
        double[] f = stats.of(pcm, 0, pcm.length);
        Files.deleteIfExists(dir.resolve(name + "-raw.wav"));
        Files.delete(wav);
        if (teacher == null || f == null) {
            System.out.println("no vector: " + voice + " " + s);
            return;
        }
        out.append(set).append(',').append(voice).append(',').append(s);
        append(out, f, teacher);
    }

    private static void append(StringBuilder out, double[] f, float[] teacher) {
        for (double x : f) {
            out.append(',').append((float) x);
        }
        for (float x : teacher) {
            out.append(',').append(x);
        }
        out.append('\n');
    }

    private static void flush(Path file, StringBuilder out) throws java.io.IOException {
        Files.writeString(file, out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        out.setLength(0);
    }

    /** 16 kHz 16-bit mono WAV as floats in ±1. */
    static float[] samples(Path wav) throws java.io.IOException {
        byte[] b = SpeakerCorpus.pcm(wav);
        float[] out = new float[b.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((b[2 * i] & 0xff) | (b[2 * i + 1] << 8)) / 32768f;
        }
        return out;
    }

    private void streams(Path dir) throws Exception {
        String set = System.getProperty("spk.set", "tuning");
        List<String> voices = set.equals("held-out") ? SpeakerCorpus.HELD_OUT_VOICES : SpeakerCorpus.TUNING_VOICES;
        String[] seeds = System.getProperty("spk.seeds", "2000-2019").split("-");
        SpeakerSetup shipped = SpeakerSetup.shipped(SpeakerVectorSource.VOSK, List.of()).withModelDir(SpeakerCorpus.speakerModel());
        CepstralStats stats = new CepstralStats();
        for (long seed = Long.parseLong(seeds[0]); seed <= Long.parseLong(seeds[1]); seed++) {
            Path wav = dir.resolve(set + "-" + seed + ".wav");
            List<SpeakerRecordings.Turn> truth = SpeakerRecordings.record(dir, seed, voices, wav);
            List<AsrEvents.Final> finals = SpeakerRecordings.matched(truth, FileTranscriber.finals(
                    FileTranscriber.run(new AsrStage(SpeakerCorpus.speechToneModel(), RecognizerOptions.defaults(),
                            shipped), wav)));
            float[] pcm = samples(wav);
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < truth.size(); i++) {
                AsrEvents.Final f = finals.get(i);
                if (f == null || f.speakerVector() == null) {
                    continue;
                }
                int from = Math.max(0, (int) Math.round((f.t() - 0.1) * 16000));
                int to = Math.min(pcm.length, (int) Math.round((f.end() + 0.1) * 16000));
                double[] x = stats.of(pcm, from, to);
                if (x == null) {
                    continue;
                }
                out.append(set).append(',').append(seed).append(',').append(i).append(',')
                        .append(truth.get(i).voice()).append(',').append(truth.get(i).sentence());
                append(out, x, f.speakerVector());
            }
            flush(dir.resolve("streams.csv"), out);
            System.out.println(set + " " + seed + ": done");
            Files.delete(wav);
        }
    }
}
