package dev.attend.fusion.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AttendEvent;
import dev.attend.event.AttentionEvent;
import dev.attend.event.EventSink;
import dev.attend.event.FusionEvent;
import dev.attend.fusion.model.FusionConfig;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.StageContext;
import dev.attend.token.Token;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A transcript's text tokens reach the stage's window: later steps count its words and export text→audio maps. */
class FusionStageTextTest {

    @Test
    void wordsOfAFinalGiveTextToAudioMaps() throws Exception {
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
        try (FusionStage s = new FusionStage(null, AttentionWatch.of(List.of("text<-audio.0")), 1, false)) {
            s.start(ctx);
            java.util.Random r = new java.util.Random(3);
            for (int i = 0; i < 30; i++) {
                s.process(Token.audio(i, 0.072 + 0.08 * i, vec(r, FusionConfig.AUDIO_DIM)), ctx);
            }
            String[] pieces = {"[CLS]", "one", "two", "[SEP]"};
            double[] times = {0.5, 0.5, 1.1, 1.4};
            for (int i = 0; i < pieces.length; i++) {
                s.process(Token.text(0, i, times[i], pieces[i], vec(r, FusionConfig.TEXT_DIM)), ctx);
            }
            out.clear();
            s.process(Token.audio(30, 0.072 + 0.08 * 30, vec(r, FusionConfig.AUDIO_DIM)), ctx);
            s.end(ctx);
        }
        FusionEvent f = (FusionEvent) out.stream().filter(e -> e instanceof FusionEvent).findFirst().orElseThrow();
        assertThat(f.words()).isEqualTo(2);
        List<AttentionEvent> maps = out.stream().filter(e -> e instanceof AttentionEvent).map(e -> (AttentionEvent) e)
                .toList();
        assertThat(maps).isNotEmpty().allSatisfy(a -> {
            assertThat(a.queryAxis()).isEqualTo("text");
            assertThat(a.keyAxis()).isEqualTo("audio");
            assertThat(a.queries()).containsExactly("one", "two");
        });
        assertThat(Set.copyOf(maps.stream().map(AttentionEvent::head).toList())).hasSizeGreaterThan(1);
    }

    private static float[] vec(java.util.Random r, int n) {
        float[] v = new float[n];
        for (int i = 0; i < n; i++) {
            v[i] = (float) r.nextGaussian() * 0.1f;
        }
        return v;
    }
}
