package dev.attend.ui.transcript;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.event.AsrEvents;
import dev.attend.ui.fx.SampleEvents;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptViewModelTest {

    private final TranscriptViewModel vm = new TranscriptViewModel();

    @Test
    void partialsSettleIntoFinalWithWordsAndConfidences() {
        vm.onEvents(List.of(SampleEvents.tree(new AsrEvents.Partial(0.9, 0, "hello"))));
        assertThat(vm.utterances()).singleElement().satisfies(u -> {
            assertThat(u.settled()).isFalse();
            assertThat(u.text()).isEqualTo("hello");
        });

        vm.onEvents(SampleEvents.session().subList(1, 5));

        Utterance u = vm.utterances().get(0);
        assertThat(u.settled()).isTrue();
        assertThat(u.text()).isEqualTo("hello world");
        assertThat(u.words()).extracting(Utterance.Word::conf).containsExactly(1.0, 0.6);
        assertThat(u.start()).isEqualTo(0.48);
        assertThat(u.end()).isEqualTo(1.5);
    }

    @Test
    void latePartialNeverUnsettlesAFinal() {
        vm.onEvents(SampleEvents.session());
        vm.onEvents(List.of(SampleEvents.tree(new AsrEvents.Partial(3.0, 0, "hello wor"))));
        assertThat(vm.utterances().get(0).settled()).isTrue();
        assertThat(vm.finals()).extracting(Utterance::text).containsExactly("hello world", "what time is it");
    }

    @Test
    void utterancesStayInIdOrderAndClickedWordShowsTimeAndConfidence() {
        vm.onEvents(List.of(SampleEvents.tree(new AsrEvents.Partial(2.0, 1, "b")),
                SampleEvents.tree(new AsrEvents.Partial(1.0, 0, "a"))));
        assertThat(vm.utterances()).extracting(Utterance::id).containsExactly(0, 1);

        vm.select(new Utterance.Word("world", 0.95, 1.5, 0.6));
        assertThat(vm.selectedWordProperty().get()).contains("world").contains("0.95").contains("1.50")
                .contains("0.60");
    }
}
