package dev.attend.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.attend.event.AttendEvent;
import dev.attend.event.EventCodec;
import dev.attend.event.TypedTextEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypedTextSourceTest {

    @Test
    void sentencesGetPositiveIdsAboveEveryRecognizedUtteranceAndAreEmitted() {
        TypedTextSource source = new TypedTextSource();
        List<AttendEvent> out = new ArrayList<>();
        TypedTextEvent a = source.submit("  the black cat ", 12.48, TypedTextEvent.CAPTIONS, out::add);
        TypedTextEvent b = source.submit("the cat sat", Double.NaN, TypedTextEvent.LAB, out::add);
        assertThat(out).containsExactly(a, b);
        assertThat(a.utterance()).isEqualTo(1_000_000);
        assertThat(b.utterance()).isEqualTo(1_000_001);
        assertThat(a.text()).isEqualTo("the black cat");
        assertThat(b.t()).isZero(); // no media yet
        assertThat(a.isCaptionsRow()).isTrue();
        assertThat(b.isCaptionsRow()).isFalse();
        assertThat(TypedTextEvent.isTyped(999_999)).isFalse();
        assertThat(TypedTextEvent.isTyped(a.utterance())).isTrue();
    }

    @Test
    void aBlankSentenceIsRefusedAndNothingIsEmittedOrCounted() {
        TypedTextSource source = new TypedTextSource();
        List<AttendEvent> out = new ArrayList<>();
        assertThatThrownBy(() -> source.submit("   ", 1, TypedTextEvent.CAPTIONS, out::add))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("type a sentence");
        assertThat(out).isEmpty();
        assertThat(source.submit("hi", 1, TypedTextEvent.CAPTIONS, out::add).utterance()).isEqualTo(1_000_000);
    }

    @Test
    void theEventEncodesToTheDocumentedLineAndBack() {
        TypedTextEvent e = new TypedTextEvent(12.48, 1_000_000, "the black cat", TypedTextEvent.CAPTIONS);
        String line = EventCodec.encode(e);
        assertThat(line).isEqualTo(
                "{\"type\":\"text.typed\",\"t\":12.48,\"utterance\":1000000,\"text\":\"the black cat\","
                        + "\"origin\":\"captions\"}");
        assertThat(EventCodec.decode(line)).isEqualTo(e);
        // an older reader's id range is refused at the source, not silently mixed with speech
        assertThatThrownBy(() -> new TypedTextEvent(0, 3, "x", null)).isInstanceOf(IllegalArgumentException.class);
    }
}
