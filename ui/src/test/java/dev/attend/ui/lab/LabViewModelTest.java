package dev.attend.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.event.EventJson;
import dev.attend.ui.attention.AttentionMap;
import dev.attend.ui.attention.AttentionViewModel;
import dev.attend.ui.bridge.EventBridge;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lab's view-models on the real fusion model's recorded events (known values in {@link LabFixture}). */
class LabViewModelTest {

    private final AttentionViewModel attention = new AttentionViewModel();
    private final LabViewModel lab = new LabViewModel(attention);
    private final EventBridge bridge = new EventBridge();

    {
        attention.subscribe(bridge);
        lab.subscribe(bridge);
        LabFixture.feed(bridge);
    }

    /** Step 61 has every block; the newest pass (62) only audio→video. */
    private void showFullPass() {
        attention.frozenProperty().set(true);
        assertThat(attention.shownGroup().utterance()).isEqualTo(61);
    }

    @Test
    void fusionMapsArriveWithMediaTimeAxesBlocksLayersAndHeads() {
        assertThat(attention.sources()).containsExactly("fusion");
        showFullPass();
        lab.select(ArchBlock.AUDIO_SELF);
        assertThat(attention.blockProperty().get()).isEqualTo("audio → audio");
        assertThat(attention.layers()).containsExactly(0, 1);
        assertThat(attention.heads()).containsExactly(AttentionViewModel.AVERAGE, 0, 1, 2, 3);
        attention.layerProperty().set(1);
        attention.headProperty().set(3);
        AttentionMap m = attention.current();
        assertThat(m.utterance()).isEqualTo(61);
        assertThat(m.rows()).isEqualTo(50);
        assertThat(m.queryLabel(20)).isEqualTo("2.63s");
        assertThat(m.keyTimes()[0]).isEqualTo(1.03);
        assertThat(m.weights()[20][19]).isEqualTo(0.5361598f);
        // causal: nothing on keys later than the query
        assertThat(m.weights()[20][21]).isZero();
        assertThat(lab.highlighted()).isEqualTo(ArchBlock.AUDIO_SELF);
        assertThat(lab.shape(ArchBlock.AUDIO_SELF)).isEqualTo("50 × 50");
    }

    @Test
    void formulaOfACausalFusionMapMasksLaterKeysAndAgreesWithTheWeights() {
        showFullPass();
        lab.select(ArchBlock.AUDIO_SELF);
        attention.layerProperty().set(1);
        attention.headProperty().set(3);
        attention.selectedRowProperty().set(20);
        List<AttentionViewModel.FormulaRow> rows = attention.formula();
        assertThat(rows).hasSize(50);
        for (AttentionViewModel.FormulaRow r : rows) {
            assertThat(r.softmax()).as(r.key()).isCloseTo(r.weight(), within(2e-6));
        }
        assertThat(rows.get(19).key()).isEqualTo("2.55s");
        assertThat(rows.get(19).softmax()).isCloseTo(0.5361598, within(2e-6));
        assertThat(rows.get(30).exp()).isZero();
    }

    @Test
    void aNewestPassWithFewerMapsWaitsAndSteppingMovesThroughPasses() {
        // pass 62 has 4 maps, pass 61 had 16: 62 may still be arriving, so 61 stays on screen
        lab.select(ArchBlock.AUDIO_FROM_VIDEO);
        assertThat(lab.passPosition()).containsExactly(1, 2);
        assertThat(attention.shownGroup().utterance()).isEqualTo(61);
        attention.step(1);
        assertThat(lab.passPosition()).containsExactly(2, 2);
        assertThat(attention.shownGroup().utterance()).isEqualTo(62);
        attention.step(-1);
        assertThat(attention.shownGroup().utterance()).isEqualTo(61);
    }

    @Test
    void otherBoxesAreMarkedAndMultiHeadShowsTheMean() {
        showFullPass();
        lab.select(ArchBlock.VIDEO_FROM_AUDIO);
        assertThat(lab.highlighted()).isEqualTo(ArchBlock.VIDEO_FROM_AUDIO);
        lab.select(ArchBlock.MULTI_HEAD);
        assertThat(attention.headProperty().get()).isEqualTo(AttentionViewModel.AVERAGE);
        assertThat(lab.highlighted()).isEqualTo(ArchBlock.MULTI_HEAD);
        lab.select(ArchBlock.FFN);
        assertThat(lab.highlighted()).isEqualTo(ArchBlock.FFN);
        // the text blocks have no maps in this pass (no transcript): they are not marked as having maps
        assertThat(lab.hasMaps(ArchBlock.TEXT_FROM_AUDIO)).isFalse();
    }

    @Test
    void headsFollowTheFusionEvents() {
        LabSignals s = lab.signals();
        assertThat(s.headsTime()).isEqualTo(4.952);
        List<TimeSeries.Point> addr = s.addressee().points();
        assertThat(addr.get(addr.size() - 1).v()).isEqualTo(0.1681);
        assertThat(s.intentNames()).containsExactly("time", "date", "timer", "note", "search", "translate_last",
                "repeat", "stop", "none");
        List<TimeSeries.Point> search = s.intents().get("search").points();
        assertThat(search.get(search.size() - 1).v()).isEqualTo(0.9435);
        assertThat(s.envelope().points()).isNotEmpty();
    }

    @Test
    void passJsonHoldsEveryMapOfTheShownPass() throws Exception {
        lab.select(ArchBlock.AUDIO_FROM_VIDEO);
        attention.step(1);
        JsonNode j = EventJson.mapper().readTree(lab.passJson());
        assertThat(j.path("pass").asInt()).isEqualTo(62);
        assertThat(j.path("maps")).hasSize(4);
        assertThat(j.path("maps").get(0).path("queryAxis").asText()).isEqualTo("audio");
        assertThat(j.path("maps").get(0).path("keyAxis").asText()).isEqualTo("video");
        assertThat(j.path("maps").get(0).path("weights")).hasSize(50);
    }

    @Test
    void passRateIsCountedOnTheWallClock() {
        long[] now = {0};
        LabSignals s = new LabSignals(() -> now[0]);
        EventBridge b = new EventBridge();
        s.subscribe(b);
        for (int i = 0; i < 11; i++) {
            now[0] = i * 80_000_000L; // one pass per 80 ms
            b.emit(new dev.attend.event.AttentionEvent(i * 0.08, "fusion", i, 0, 0, "audio", "audio",
                    List.of("0.08"), List.of("0.08"), new float[][] {{1f}}, null));
            b.drain();
        }
        assertThat(s.passes()).isEqualTo(11);
        assertThat(s.passesPerSecond()).isCloseTo(12.5, within(1e-9));
    }
}
