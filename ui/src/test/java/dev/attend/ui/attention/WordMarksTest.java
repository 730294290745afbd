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
        t.onEvents(SampleEvents.session());
        var e = SampleEvents.attention(0, 0, 0).put("keyAxis", "audio");
        e.putArray("keys");
        var times = e.putArray("keyTimes");
        for (int i = 0; i < 4; i++) {
            times.add(0.4 + 0.4 * i);
        }
        AttentionMap m = AttentionMap.parse(e);

        List<double[]> marks = AttentionView.wordMarks(m, t.finals());

        assertThat(marks).containsExactly(new double[] {0.48, 0.9}, new double[] {0.95, 1.5});
        assertThat(m.keyLabel(2)).isEqualTo("1.20s");
        assertThat(AttentionView.wordMarks(AttentionMap.parse(SampleEvents.attention(0, 0, 0)), t.finals()))
                .isEmpty();
    }
}
