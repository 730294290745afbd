package dev.attend.speaker;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.asr.AsrStage;
import dev.attend.asr.FileTranscriber;
import dev.attend.asr.RecognizerOptions;
import dev.attend.event.AsrEvents;
import dev.attend.testing.ExternalTools;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Run by hand: decodes generated 4-speaker recordings end to end (real libvosk through the ASR stage, shipped
 * settings) and appends each utterance's truth and stream vector to {@code <spk.dump>/streams.csv}
 * ({@code set,seed,index,voice,sentence,shippedLabel,v0..v127}), so clustering rules can be replayed in seconds
 * without libvosk. {@code -Dspk.set=tuning|held-out}, {@code -Dspk.seeds=FIRST-LAST}.
 */
@EnabledIfSystemProperty(named = "spk.dump", matches = ".+")
class SpeakerStreamDumpTest {

    @Test
    void dump() throws Exception {
        assumeTrue(ExternalTools.available("espeak-ng", "--version") && ExternalTools.available("sox", "--version"));
        Path dir = Path.of(System.getProperty("spk.dump"));
        Files.createDirectories(dir);
        String set = System.getProperty("spk.set", "tuning");
        List<String> voices = set.equals("held-out") ? SpeakerCorpus.HELD_OUT_VOICES : SpeakerCorpus.TUNING_VOICES;
        String[] seeds = System.getProperty("spk.seeds", "2000-2019").split("-");
        SpeakerSetup shipped = SpeakerSetup.shipped(SpeakerVectorSource.VOSK, List.of()).withModelDir(SpeakerCorpus.speakerModel());
        for (long seed = Long.parseLong(seeds[0]); seed <= Long.parseLong(seeds[1]); seed++) {
            Path wav = dir.resolve(set + "-" + seed + ".wav");
            List<SpeakerRecordings.Turn> truth = SpeakerRecordings.record(dir, seed, voices, wav);
            List<AsrEvents.Final> finals = SpeakerRecordings.matched(truth, FileTranscriber.finals(
                    FileTranscriber.run(new AsrStage(SpeakerCorpus.speechToneModel(), RecognizerOptions.defaults(),
                            shipped), wav)));
            StringBuilder out = new StringBuilder();
            for (int i = 0; i < truth.size(); i++) {
                AsrEvents.Final f = finals.get(i);
                if (f == null || f.speakerVector() == null) {
                    continue;
                }
                out.append(set).append(',').append(seed).append(',').append(i).append(',')
                        .append(truth.get(i).voice()).append(',').append(truth.get(i).sentence()).append(',')
                        .append(f.speaker());
                for (float x : f.speakerVector()) {
                    out.append(',').append(x);
                }
                out.append('\n');
            }
            Files.writeString(dir.resolve("streams.csv"), out, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            System.out.println(set + " " + seed + ": " + finals.stream().filter(java.util.Objects::nonNull).count()
                    + " finals");
            Files.delete(wav);
        }
    }
}
