package dev.attend.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.encoders.audio.AudioEncoderFeature;
import dev.attend.encoders.audio.wake.WakeOptions;
import dev.attend.event.AttendEvent;
import dev.attend.event.CoreEvents;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import dev.attend.testing.EventCollector;
import dev.attend.testing.TestWavs;
import dev.attend.attention.AttentionFeature;
import dev.attend.encoders.vision.FaceFeature;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Sessions built from feature contributions inside the model module, as benches and training do. */
@Timeout(value = 120, unit = TimeUnit.SECONDS) // hang guard only
class SessionAssemblerTest {

    @Test
    void featuresAddTheirStagesInOrderAndSkipWhatTheMediaLacks(@TempDir Path dir) throws Exception {
        Path wav = TestWavs.tone(dir.resolve("tone.wav"), 16000, 16000, 440, 0.3); // 1 s, no video
        EventCollector out = new EventCollector();
        List<SessionFeature> features = List.of(new AudioEncoderFeature(true, List.of(), WakeOptions.defaults()),
                FaceFeature.defaults(), AttentionFeature.defaults());
        try (Pipeline p = SessionAssembler.assemble(MediaSpec.ofAudioFile(wav, Pacing.FAST), features, out)) {
            p.start();
            assertThat(p.awaitEnd(Duration.ofSeconds(60))).isTrue();
        }
        List<CoreEvents.Stats> stats = out.ofType(CoreEvents.Stats.class);
        assertThat(stats.get(stats.size() - 1).stages()).extracting(CoreEvents.StageStats::name)
                .containsExactly("level", "vad", "minilm"); // no faces without video
        assertThat(out.events().get(out.events().size() - 1)).isInstanceOf(CoreEvents.SessionEnd.class);
    }

    @Test
    void aFeatureThatCannotWorkFailsClearlyAndClosesWhatWasAdded(@TempDir Path dir) throws Exception {
        Path wav = TestWavs.tone(dir.resolve("tone.wav"), 16000, 1600, 440, 0.3);
        AtomicInteger closed = new AtomicInteger();
        SessionFeature first = new SessionFeature() {
            @Override
            public String name() {
                return "first";
            }

            @Override
            public void contribute(SessionAssembly session) {
                session.pipeline().eventStage(new Stage<AttendEvent>() {
                    @Override
                    public String name() {
                        return "first";
                    }

                    @Override
                    public void process(AttendEvent item, StageContext ctx) {
                    }

                    @Override
                    public void close() {
                        closed.incrementAndGet();
                    }
                });
            }
        };
        SessionFeature broken = new SessionFeature() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public void contribute(SessionAssembly session) {
                throw new IllegalArgumentException("pair xx-yy is not installed");
            }
        };
        assertThatThrownBy(() -> SessionAssembler.assemble(MediaSpec.ofAudioFile(wav, Pacing.FAST),
                List.of(first, broken), e -> { })).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pair xx-yy is not installed");
        assertThat(closed).hasValue(1);
        assertThatThrownBy(() -> SessionAssembler.assemble(new MediaSpec(null, null, null, null, Pacing.FAST, 640,
                480, 30), List.of(), e -> { })).hasMessageContaining("nothing to capture");
    }
}
