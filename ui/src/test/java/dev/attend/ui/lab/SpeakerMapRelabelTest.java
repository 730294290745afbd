package dev.attend.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AsrEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A relabelled utterance's dot takes its new speaker (and that speaker's colour). */
class SpeakerMapRelabelTest {

    private static AsrEvents.Final fin(int id, String speaker, float... v) {
        return new AsrEvents.Final(id, id + 1, id, "u" + id, 1, List.of(), List.of(), speaker, 1.0, v);
    }

    @Test
    void aRelabelMovesTheDotToTheOtherSpeaker() {
        SpeakerMapViewModel m = new SpeakerMapViewModel();
        m.add(fin(0, "Speaker 1", 1, 0, 0));
        m.add(fin(1, "Speaker 2", 0, 1, 0));
        m.add(fin(2, "Speaker 1", 0, 0.9f, 0.1f));
        long before = m.version();
        m.relabel(new AsrEvents.Relabel(3, 2, "Speaker 2"));
        assertThat(m.dots()).extracting(SpeakerMapViewModel.Dot::speaker)
                .containsExactly("Speaker 1", "Speaker 2", "Speaker 2");
        assertThat(m.colourOf("Speaker 2")).isEqualTo(1);
        assertThat(m.version()).isGreaterThan(before);
        m.relabel(new AsrEvents.Relabel(3, 9, "Speaker 3"));
        assertThat(m.speakers()).containsExactly("Speaker 1", "Speaker 2");
    }
}
