package dev.attend.app.gui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.event.AttendEvent;
import dev.attend.event.AttentionEvent;
import dev.attend.translate.ApertiumInstall;
import dev.attend.event.TranslationEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The GUI's typed-text ports over the real MiniLM and Apertium (apertium-eng-spa). */
class TypedTextTest {

    @Test
    void aTypedSentenceGivesMiniLmsRealAttentionOneEventPerLayerAndHead() throws Exception {
        List<AttendEvent> events = new ArrayList<>();
        int n;
        try (MiniLmTextAttention lab = MiniLmTextAttention.bundled()) {
            n = lab.analyze("the cat sat on the mat", dev.attend.event.TypedTextEvent.FIRST_ID, events::add);
        }

        assertThat(n).isEqualTo(72);
        assertThat(events).hasSize(72).allSatisfy(e -> assertThat(e).isInstanceOf(AttentionEvent.class));
        AttentionEvent first = (AttentionEvent) events.get(0);
        assertThat(first.source()).isEqualTo("minilm");
        assertThat(first.utterance()).isEqualTo(dev.attend.event.TypedTextEvent.FIRST_ID);
        assertThat(first.queries()).containsExactly("[CLS]", "the", "cat", "sat", "on", "the", "mat", "[SEP]");
        assertThat(events).extracting(e -> ((AttentionEvent) e).layer()).containsOnly(0, 1, 2, 3, 4, 5);
        assertThat(events).extracting(e -> ((AttentionEvent) e).head()).hasSize(72).contains(0, 11);
        AttentionEvent last = (AttentionEvent) events.get(71);
        assertThat(last.layer()).isEqualTo(5);
        assertThat(last.head()).isEqualTo(11);
        // the weights are the softmax of the scores the event carries
        float[] s = last.scores()[2];
        double max = Double.NEGATIVE_INFINITY;
        for (float v : s) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (float v : s) {
            sum += Math.exp(v - max);
        }
        for (int j = 0; j < s.length; j++) {
            assertThat((double) last.weights()[2][j]).isCloseTo(Math.exp(s[j] - max) / sum, within(1e-4));
        }
    }

    @Test
    void aTypedSentenceIsTranslatedWithTheChosenPair() {
        List<AttendEvent> events = new ArrayList<>();
        new ApertiumTextTranslation(ApertiumInstall.detect()).translate("eng-spa", "the black cat", dev.attend.event.TypedTextEvent.FIRST_ID + 1, events::add);

        assertThat(events).singleElement().isInstanceOfSatisfying(TranslationEvent.class, t -> {
            assertThat(t.pair()).isEqualTo("eng-spa");
            assertThat(t.utterance()).isEqualTo(dev.attend.event.TypedTextEvent.FIRST_ID + 1);
            assertThat(t.isFinal()).isTrue();
            assertThat(t.source()).isEqualTo("the black cat");
            assertThat(t.target()).isEqualTo("El gato negro");
        });
    }
}
