package dev.attend.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.testkit.SpeechAlignerModel;
import dev.attend.encoders.audio.TestAudio;
import dev.attend.event.EventCodec;
import dev.attend.speaker.SpeakerCorpus;
import dev.attend.testing.ExternalTools;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** attend speakers enroll/list/remove and run --speakers, in process, on espeak-ng voices. */
class SpeakersCliTest {

    @TempDir
    Path tmp;

    @Test
    void enrollListIdentifyRemove() throws Exception {
        assumeTrue(ExternalTools.available("espeak-ng", "--version") && ExternalTools.available("sox", "--version"));
        String data = tmp.resolve("data").toString();
        List<String> args = new ArrayList<>(List.of("--data-dir", data, "speakers", "enroll", "Fiona"));
        for (int i = 0; i < 3; i++) {
            args.add("--audio");
            args.add(SpeakerCorpus.utterance(tmp, "en-us+f4", i).toString());
        }
        AsrCliTest.Outcome e = AsrCliTest.cli(args.toArray(new String[0]));
        assertThat(e.code()).as(e.err()).isZero();
        assertThat(e.out()).isEqualTo("enrolled Fiona from 3 utterances\n");

        AsrCliTest.Outcome l = AsrCliTest.cli("--data-dir", data, "speakers", "list");
        assertThat(l.out()).startsWith("Fiona\t3 utterances\tenrolled ");

        Path model = SpeechAlignerModel.write(tmp.resolve("aligner"));
        Path wav = SpeakerCorpus.utterance(tmp, "en-us+f4", 9);
        AsrCliTest.Outcome run = AsrCliTest.main("--data-dir", data, "run", "--audio", wav.toString(), "--model",
                model.toString(), "--speakers", "--no-vad", "--wake", "none", "--fast", "--events", "-");
        assertThat(run.code()).isZero();
        List<String> speakers = new ArrayList<>();
        for (String line : run.out().split("\n")) {
            JsonNode n = EventCodec.mapper().readTree(line);
            if (n.path("type").asText().equals("asr.final")) {
                speakers.add(n.path("speaker").asText());
                assertThat(n.path("speakerVector")).hasSize(128);
            }
        }
        assertThat(speakers).containsExactly("Fiona");

        assertThat(AsrCliTest.cli("--data-dir", data, "speakers", "remove", "fiona").out()).isEqualTo("removed fiona\n");
        AsrCliTest.Outcome again = AsrCliTest.cli("--data-dir", data, "speakers", "remove", "Fiona");
        assertThat(again.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("no speaker named 'Fiona' is enrolled");
    }

    @Test
    void enrollingSilenceSaysWhy() throws Exception {
        assumeTrue(ExternalTools.available("sox", "--version"));
        Path silence = TestAudio.silence(tmp, "quiet", 2.0);
        AsrCliTest.Outcome e = AsrCliTest.cli("--data-dir", tmp.resolve("data").toString(), "speakers", "enroll",
                "Nobody", "--audio", silence.toString());
        assertThat(e.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(e.err()).contains("no speech long enough for a speaker vector");
    }
}
