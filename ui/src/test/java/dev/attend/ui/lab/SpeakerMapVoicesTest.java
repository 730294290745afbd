package dev.attend.ui.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.attend.event.AsrEvents;
import dev.attend.speaker.SpeakerCorpus;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real speaker vectors (espeak-ng voices through libvosk and the bundled speaker model): on the PCA map the
 * utterances of a low male voice and a high female voice form two groups, each tighter than the gap between them.
 */
class SpeakerMapVoicesTest {

    @TempDir
    Path dir;

    @Test
    void twoClearlyDifferentVoicesLieApart() throws Exception {
        assumeTrue(dev.attend.testing.ExternalTools.available("espeak-ng", "--version")
                && dev.attend.testing.ExternalTools.available("sox", "--version"), "needs espeak-ng and sox");
        SpeakerMapViewModel vm = new SpeakerMapViewModel();
        int id = 0;
        for (int n = 0; n < 3; n++) {
            for (String voice : List.of("en-us+m3", "en-us+f4")) {
                float[] v = SpeakerCorpus.vector(SpeakerCorpus.utterance(dir, voice, n));
                assertThat(v).as(voice + " " + n).isNotNull();
                vm.add(new AsrEvents.Final(id, id + 1, id, "sentence " + n, 1, List.of(), List.of(),
                        voice.endsWith("m3") ? "Speaker 1" : "Speaker 2", 0.9, v));
                id++;
            }
        }
        List<SpeakerMapViewModel.Dot> dots = vm.dots();
        assertThat(dots).hasSize(6);
        double within = 0;
        double between = Double.MAX_VALUE;
        for (SpeakerMapViewModel.Dot a : dots) {
            for (SpeakerMapViewModel.Dot b : dots) {
                double d = Math.hypot(a.x() - b.x(), a.y() - b.y());
                if (a.speaker().equals(b.speaker())) {
                    within = Math.max(within, d);
                } else {
                    between = Math.min(between, d);
                }
            }
        }
        assertThat(between).as("closest pair of different voices vs widest same-voice pair").isGreaterThan(within);
        assertThat(vm.speakers()).containsExactly("Speaker 1", "Speaker 2");
        assertThat(vm.colourOf("Speaker 2")).isNotEqualTo(vm.colourOf("Speaker 1"));
    }
}
