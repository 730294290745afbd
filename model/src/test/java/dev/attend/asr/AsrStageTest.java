package dev.attend.asr;

import dev.attend.event.AsrEvents;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.testing.EventCollector;
import dev.attend.testkit.ToneAudio;
import dev.attend.audio.WavFileSource;
import dev.attend.event.AttendEvent;
import dev.attend.event.EventJson;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.StageContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AsrStageTest {

    @TempDir
    Path tmp;

    static ToneAudio twoUtterances() {
        return ToneAudio.builder().silence(0.5).words(List.of("one", "two", "three"), 0.3).silence(2.0)
                .words(List.of("four", "five"), 0.3).silence(0.2).build(); // no trailing silence: flushed at end
    }

    static void assertWordsMatch(AsrEvents.Final f, List<ToneAudio.WordSpan> spans, double offset) {
        assertThat(f.words()).hasSameSizeAs(spans);
        for (int i = 0; i < spans.size(); i++) {
            assertThat(f.words().get(i).word()).isEqualTo(spans.get(i).word());
            assertThat(f.words().get(i).start()).isCloseTo(offset + spans.get(i).start(), within(0.06));
            assertThat(f.words().get(i).end()).isCloseTo(offset + spans.get(i).end(), within(0.06));
        }
        assertThat(f.t()).isEqualTo(f.words().get(0).start());
        assertThat(f.end()).isEqualTo(f.words().get(f.words().size() - 1).end());
    }

    @Test
    void pipelineEmitsPartialsAndFinalsOnTheMediaClock() throws Exception {
        ToneAudio audio = twoUtterances();
        Path wav = tmp.resolve("tones.wav");
        audio.writeWav(wav);
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(new WavFileSource(wav)).pacing(Pacing.FAST).events(events)
                .audioStage(new AsrStage(TestModels.staticGraph(), RecognizerOptions.defaults())).build()) {
            p.start();
            assertThat(p.awaitEnd(Duration.ofSeconds(60))).isTrue();
        }
        List<AsrEvents.Final> finals = events.ofType(AsrEvents.Final.class);
        assertThat(finals).extracting(AsrEvents.Final::text).containsExactly("one two three", "four five");
        assertThat(finals).extracting(AsrEvents.Final::utterance).containsExactly(0, 1);
        assertWordsMatch(finals.get(0), audio.spans().subList(0, 3), 0);
        assertWordsMatch(finals.get(1), audio.spans().subList(3, 5), 0);
        assertThat(finals).allSatisfy(f -> {
            assertThat(f.confidence()).isEqualTo(1.0);
            assertThat(f.alternatives()).isEmpty();
        });
        List<AsrEvents.Partial> partials = events.ofType(AsrEvents.Partial.class);
        assertThat(partials).extracting(pa -> pa.utterance() + ":" + pa.text()).containsExactly(
                "0:one", "0:one two", "0:one two three", "1:four", "1:four five");
        // a word's partial comes once its last tone began (label on the last phone), and before its final
        assertThat(partials.get(0).t()).isGreaterThan(audio.spans().get(0).start() + 0.15)
                .isLessThan(audio.spans().get(1).start());
        String json = EventJson.toJson(finals.get(1));
        assertThat(json).startsWith("{\"type\":\"asr.final\",\"t\":").contains("\"utterance\":1")
                .contains("\"text\":\"four five\"").contains("\"words\":[{\"word\":\"four\"");
    }

    /** Feeds chunks straight into the stage, as the pipeline would. */
    static List<AttendEvent> feed(AsrStage stage, short[] pcm, double t0, double gapAt, double gapSeconds)
            throws Exception {
        List<AttendEvent> out = new ArrayList<>();
        StageContext ctx = new StageContext() {
            @Override
            public EventSink events() {
                return out::add;
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
        stage.start(ctx);
        double t = t0;
        long seq = 0;
        for (int off = 0; off < pcm.length; off += 1280) {
            int n = Math.min(1280, pcm.length - off);
            float[] s = new float[n];
            for (int i = 0; i < n; i++) {
                s[i] = pcm[off + i] / 32768f;
            }
            if (gapSeconds > 0 && off / 16000.0 >= gapAt && off / 16000.0 < gapAt + 0.08) {
                t += gapSeconds; // chunks dropped here
            }
            stage.process(new AudioChunk(seq++, t, s, System.nanoTime()), ctx);
            t += n / 16000.0;
        }
        stage.end(ctx);
        stage.close();
        return out;
    }

    @Test
    void timesAreOffsetByTheFirstChunksMediaTime() throws Exception {
        ToneAudio audio = twoUtterances();
        List<AttendEvent> events = feed(new AsrStage(TestModels.staticGraph(), RecognizerOptions.defaults()),
                audio.pcm(), 12.5, 0, 0);
        List<AsrEvents.Final> finals = events.stream().filter(AsrEvents.Final.class::isInstance)
                .map(AsrEvents.Final.class::cast).toList();
        assertThat(finals).extracting(AsrEvents.Final::text).containsExactly("one two three", "four five");
        assertWordsMatch(finals.get(0), audio.spans().subList(0, 3), 12.5);
        assertWordsMatch(finals.get(1), audio.spans().subList(3, 5), 12.5);
    }

    @Test
    void droppedAudioIsFilledSoLaterWordsKeepTheirMediaTimes() throws Exception {
        ToneAudio audio = twoUtterances();
        // 0.64 s of chunks lost in the silence between the utterances (at 2.4 s)
        List<AttendEvent> events = feed(new AsrStage(TestModels.staticGraph(), RecognizerOptions.defaults()),
                audio.pcm(), 0, 2.4, 0.64);
        List<AsrEvents.Final> finals = events.stream().filter(AsrEvents.Final.class::isInstance)
                .map(AsrEvents.Final.class::cast).toList();
        assertThat(finals).extracting(AsrEvents.Final::text).containsExactly("one two three", "four five");
        assertWordsMatch(finals.get(1), audio.spans().subList(3, 5), 0.64);
    }

    @Test
    void modelGoneAtStartIsANonFatalSourceErrorAndTheSessionGoesOn() throws Exception {
        ToneAudio audio = ToneAudio.utterance(List.of("one"), 0.3);
        Path wav = tmp.resolve("one.wav");
        audio.writeWav(wav);
        EventCollector events = new EventCollector();
        try (Pipeline p = Pipeline.builder().source(new WavFileSource(wav)).pacing(Pacing.FAST).events(events)
                .audioStage(new AsrStage(tmp.resolve("deleted-model"), RecognizerOptions.defaults())).build()) {
            p.start();
            assertThat(p.awaitEnd(Duration.ofSeconds(60))).isTrue();
        }
        List<dev.attend.event.CoreEvents.SourceError> errors = events.ofType(dev.attend.event.CoreEvents.SourceError.class);
        assertThat(errors).singleElement().satisfies(e -> {
            assertThat(e.source()).isEqualTo("asr");
            assertThat(e.message()).contains("Vosk model folder not found").contains("deleted-model");
            assertThat(e.fatal()).isFalse();
        });
        assertThat(events.ofType(dev.attend.event.CoreEvents.SessionEnd.class)).singleElement()
                .extracting(dev.attend.event.CoreEvents.SessionEnd::reason).isEqualTo("eof");
        assertThat(events.ofType(AsrEvents.Final.class)).isEmpty();
    }

    @Test
    void silenceOnlyGivesNoEvents() throws Exception {
        ToneAudio quiet = ToneAudio.builder().silence(3).build();
        List<AttendEvent> events = feed(new AsrStage(TestModels.staticGraph(), RecognizerOptions.defaults()),
                quiet.pcm(), 0, 0, 0);
        assertThat(events).isEmpty();
    }
}
