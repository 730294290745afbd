package dev.attend.ui.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AsrEvents;
import dev.attend.ui.fx.SampleEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptViewModelTest {

    private final TranscriptViewModel vm = new TranscriptViewModel();
    private final dev.attend.ui.bridge.EventBridge bridge = new dev.attend.ui.bridge.EventBridge();

    {
        vm.subscribe(bridge);
    }

    @Test
    void partialsSettleIntoFinalWithWordsAndConfidences() {
        SampleEvents.feed(bridge, List.of(SampleEvents.tree(new AsrEvents.Partial(0.9, 0, "hello"))));
        assertThat(vm.utterances()).singleElement().satisfies(u -> {
            assertThat(u.settled()).isFalse();
            assertThat(u.text()).isEqualTo("hello");
        });

        SampleEvents.feed(bridge, SampleEvents.session().subList(1, 5));

        Utterance u = vm.utterances().get(0);
        assertThat(u.settled()).isTrue();
        assertThat(u.text()).isEqualTo("hello world");
        assertThat(u.words()).extracting(Utterance.Word::conf).containsExactly(1.0, 0.6);
        assertThat(u.start()).isEqualTo(0.48);
        assertThat(u.end()).isEqualTo(1.5);
    }

    @Test
    void latePartialNeverUnsettlesAFinal() {
        SampleEvents.feed(bridge, SampleEvents.session());
        SampleEvents.feed(bridge, List.of(SampleEvents.tree(new AsrEvents.Partial(3.0, 0, "hello wor"))));
        assertThat(vm.utterances().get(0).settled()).isTrue();
        assertThat(vm.finals()).extracting(Utterance::text).containsExactly("hello world", "what time is it");
    }

    @Test
    void utterancesStayInIdOrderAndClickedWordShowsTimeAndConfidence() {
        SampleEvents.feed(bridge, List.of(SampleEvents.tree(new AsrEvents.Partial(2.0, 1, "b")),
                SampleEvents.tree(new AsrEvents.Partial(1.0, 0, "a"))));
        assertThat(vm.utterances()).extracting(Utterance::id).containsExactly(0, 1);

        vm.select(new Utterance.Word("world", 0.95, 1.5, 0.6));
        assertThat(vm.selectedWordProperty().get()).contains("world").contains("0.95").contains("1.50")
                .contains("0.60");
    }

    @Test
    void typedRowsStayWhereTheyWereTypedAndSurviveTheNextSessionStart() {
        SampleEvents.feed(bridge, SampleEvents.session().subList(0, 5)); // utterance 0
        SampleEvents.feed(bridge, List.of(SampleEvents.tree(new dev.attend.event.TypedTextEvent(1.6,
                dev.attend.event.TypedTextEvent.FIRST_ID, "typed one", "captions"))));
        SampleEvents.feed(bridge, List.of(SampleEvents.tree(new dev.attend.event.TypedTextEvent(1.7,
                dev.attend.event.TypedTextEvent.FIRST_ID + 1, "the lab's sentence", "lab")))); // no row
        SampleEvents.feed(bridge, SampleEvents.session().subList(8, 9)); // utterance 1, after the typed row
        assertThat(vm.utterances()).extracting(Utterance::text)
                .containsExactly("hello world", "typed one", "what time is it");
        assertThat(vm.finals()).hasSize(3);
        SampleEvents.feed(bridge, SampleEvents.session().subList(0, 1)); // a replay's session.start
        assertThat(vm.utterances()).extracting(Utterance::text).containsExactly("typed one");
        vm.clear();
        assertThat(vm.utterances()).isEmpty();
    }
}
