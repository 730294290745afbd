package dev.attend.ui.attention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.attend.ui.fx.SampleEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class AttentionViewModelTest {

    private final AttentionViewModel vm = new AttentionViewModel();
    private final dev.attend.ui.bridge.EventBridge bridge = new dev.attend.ui.bridge.EventBridge();

    {
        vm.subscribe(bridge);
    }

    @Test
    void picksUpSourcesLayersHeadsAndBlocksFromEvents() {
        SampleEvents.feed(bridge, SampleEvents.session());
        assertThat(vm.sources()).containsExactly("minilm");
        assertThat(vm.layers()).containsExactly(0);
        assertThat(vm.heads()).containsExactly(AttentionViewModel.AVERAGE, 0, 1);
        assertThat(vm.blocks()).containsExactly("tokens → tokens");
        assertThat(vm.current().queries()).containsExactly("[CLS]", "hello", "world", "[SEP]");
    }

    @Test
    void formulaSoftmaxOfTheEventsScoresEqualsItsWeights() {
        SampleEvents.feed(bridge, SampleEvents.session());
        vm.headProperty().set(1);
        vm.selectedRowProperty().set(2);

        List<AttentionViewModel.FormulaRow> rows = vm.formula();

        assertThat(rows).hasSize(4);
        assertThat(rows.get(2).score()).isCloseTo(2.0 + 0.25 * 2 * 2, within(1e-6));
        double sum = rows.stream().mapToDouble(AttentionViewModel.FormulaRow::softmax).sum();
        assertThat(sum).isCloseTo(1.0, within(1e-9));
        for (AttentionViewModel.FormulaRow r : rows) {
            assertThat(r.softmax()).isCloseTo(r.weight(), within(1e-6));
        }
    }

    @Test
    void averageIsTheMeanOfHeadsAndHasNoFormula() {
        SampleEvents.feed(bridge, SampleEvents.session());
        vm.headProperty().set(AttentionViewModel.AVERAGE);
        vm.selectedRowProperty().set(0);
        AttentionMap avg = vm.current();
        float h0 = AttentionMap.of(SampleEvents.attentionEvent(SampleEvents.attention(0, 0, 0))).weights()[0][3];
        float h1 = AttentionMap.of(SampleEvents.attentionEvent(SampleEvents.attention(0, 0, 1))).weights()[0][3];
        assertThat(avg.weights()[0][3]).isCloseTo((h0 + h1) / 2, within(1e-6f));
        assertThat(vm.formula()).isEmpty();
    }

    @Test
    void frozenLabKeepsItsPassAndStepMovesThroughKeptOnes() {
        SampleEvents.feed(bridge, List.of(SampleEvents.attention(0, 0, 0)));
        vm.frozenProperty().set(true);
        SampleEvents.feed(bridge, List.of(SampleEvents.attention(1, 0, 0)));
        assertThat(vm.shownGroup().utterance()).isZero();

        vm.step(1);
        assertThat(vm.shownGroup().utterance()).isEqualTo(1);
        vm.step(-1);
        assertThat(vm.shownGroup().utterance()).isZero();

        vm.frozenProperty().set(false);
        assertThat(vm.shownGroup().utterance()).isEqualTo(1);
    }

    @Test
    void skipsMapsThatAreNotRectangular() {
        var bad = SampleEvents.attention(0, 0, 0);
        ((com.fasterxml.jackson.databind.node.ArrayNode) bad.get("weights").get(1)).remove(0);
        assertThat(AttentionMap.of(SampleEvents.attentionEvent(bad))).isNull();
        SampleEvents.feed(bridge, List.of(bad));
        assertThat(vm.sources()).isEmpty();
    }
}
