package dev.attend.encoders.audio.vad;

import dev.attend.event.VadEvent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.encoders.audio.TestAudio;
import dev.attend.event.AttendEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Silero VAD on espeak-ng speech laid out between silences of known lengths. */
class VadStageTest {

    private static final double TOLERANCE = 0.150;
    private static final String[] UTTERANCES = {"open the door please", "what time is it now", "good morning everyone"};
    private static final double[] GAPS = {0.8, 1.0, 0.6, 1.2};

    private static Path dir;

    /** A file and where its speech really is. */
    record Layout(Path file, List<double[]> truth) {
    }

    @BeforeAll
    static void setUp() throws Exception {
        dir = TestAudio.tempDir("vad");
    }

    /** gap, utterance, gap, utterance, gap, utterance, gap; truth from the trimmed utterances' lengths. */
    static Layout layout(String voice) throws Exception {
        List<Path> parts = new ArrayList<>();
        List<double[]> truth = new ArrayList<>();
        double t = 0;
        for (int k = 0; k < GAPS.length; k++) {
            parts.add(TestAudio.silence(dir, voice + "-gap" + k, GAPS[k]));
            t += GAPS[k];
            if (k < UTTERANCES.length) {
                Path u = TestAudio.trimmedSpeech(dir, voice + "-u" + k, voice, UTTERANCES[k]);
                double d = TestAudio.seconds(u);
                truth.add(new double[] {t, t + d});
                parts.add(u);
                t += d;
            }
        }
        return new Layout(TestAudio.concat(dir.resolve(voice + "-layout.wav"), parts), truth);
    }

    private static List<VadEvent> vad(Path file, int chunk) throws Exception {
        List<AttendEvent> ev = TestAudio.run(new VadStage(VadOptions.defaults()), file, chunk);
        assertThat(ev).allMatch(e -> e instanceof VadEvent);
        return ev.stream().map(VadEvent.class::cast).toList();
    }

    @Test
    void segmentsMatchWhereTheSpeechWasPut() throws Exception {
        for (String voice : List.of("en-us", "en-gb-scotland")) {
            Layout l = layout(voice);
            List<VadEvent> ev = vad(l.file(), 1280);
            assertThat(ev).as(voice).extracting(VadEvent::event)
                    .containsExactly("start", "end", "start", "end", "start", "end");
            for (int i = 0; i < l.truth().size(); i++) {
                VadEvent start = ev.get(2 * i);
                VadEvent end = ev.get(2 * i + 1);
                double[] truth = l.truth().get(i);
                assertThat(start.start()).as(voice + " start of utterance " + i).isCloseTo(truth[0], within(TOLERANCE));
                assertThat(end.end()).as(voice + " end of utterance " + i).isCloseTo(truth[1], within(TOLERANCE));
                assertThat(end.start()).isEqualTo(start.start());
                assertThat(start.end()).isNull();
                assertThat(start.probability()).isBetween(0.5, 1.0);
                assertThat(end.probability()).isBetween(0.5, 1.0);
            }
        }
    }

    @Test
    void chunkSizeDoesNotChangeTheResult() throws Exception {
        Layout l = layout("en-us+f3");
        List<VadEvent> at1280 = vad(l.file(), 1280);
        assertThat(at1280).hasSize(6);
        assertThat(vad(l.file(), 320)).isEqualTo(at1280);
        assertThat(vad(l.file(), 4000)).isEqualTo(at1280);
        assertThat(vad(l.file(), 333)).isEqualTo(at1280);
    }

    @Test
    void silenceIsNotSpeech() throws Exception {
        assertThat(vad(TestAudio.silence(dir, "quiet", 3), 1280)).isEmpty();
    }
}
