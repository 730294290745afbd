package dev.attend.ui.attention;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.ui.fx.SampleEvents;
import dev.attend.ui.transcript.TranscriptViewModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordMarksTest {

    @Test
    void textToAudioMapsGetTheWordSpansOfTheirUtterance() {
        TranscriptViewModel t = new TranscriptViewModel();
        dev.attend.ui.bridge.EventBridge bridge = new dev.attend.ui.bridge.EventBridge();
        t.subscribe(bridge);
        SampleEvents.feed(bridge, SampleEvents.session());
        AttentionMap tokens = AttentionMap.of(SampleEvents.attentionEvent(SampleEvents.attention(0, 0, 0)));
        // a text→audio map (no event type carries media-time axes yet; the view is ready for one)
        AttentionMap m = new AttentionMap(tokens.t(), tokens.source(), 0, 0, 0, "tokens", "audio", tokens.queries(),
                List.of(), null, new double[] {0.4, 0.8, 1.2, 1.6}, tokens.weights(), tokens.scores());

        List<double[]> marks = AttentionView.wordMarks(m, t.finals());

        assertThat(marks).containsExactly(new double[] {0.48, 0.9}, new double[] {0.95, 1.5});
        assertThat(m.keyLabel(2)).isEqualTo("1.20s");
        assertThat(AttentionView.wordMarks(tokens, t.finals()))
                .isEmpty();
    }
}
