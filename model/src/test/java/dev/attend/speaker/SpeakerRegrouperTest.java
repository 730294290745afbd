package dev.attend.speaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Known answers of the session regrouping on constructed vectors. */
class SpeakerRegrouperTest {

    private static SpeakerRegrouper plain(double threshold) {
        return new SpeakerRegrouper(threshold, 0, SpeakerBackground.none());
    }

    /** A unit direction near axis {@code axis} of 8 dimensions, tilted by {@code noise} in a seeded random way. */
    private static float[] voice(int axis, double noise, Random rng) {
        float[] v = new float[8];
        v[axis] = 1;
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (noise * rng.nextGaussian());
        }
        return v;
    }

    @Test
    void theSameVoiceKeepsOneLabelAndAnotherGetsTheNext() {
        SpeakerRegrouper r = plain(0.5);
        Random rng = new Random(1);
        assertEquals(1, r.add(0, voice(0, 0.1, rng)).speaker());
        assertEquals(1, r.add(1, voice(0, 0.1, rng)).speaker());
        SpeakerRegrouper.Result other = r.add(2, voice(1, 0.1, rng));
        assertEquals(2, other.speaker());
        assertEquals(1.0, other.score(), 1e-9, "a new speaker's first utterance scores 1");
        assertEquals(1, r.add(3, voice(0, 0.1, rng)).speaker());
        assertTrue(r.add(4, voice(1, 0.1, rng)).relabelled().isEmpty(), "nothing moves when all fits");
    }

    @Test
    void fourInterleavedVoicesGetOneLabelEach() {
        SpeakerRegrouper r = plain(0.5);
        Random rng = new Random(7);
        int[] order = {0, 0, 1, 2, 2, 2, 3, 1, 0, 3, 3, 2, 1, 1, 0, 3};
        List<Integer> labels = new ArrayList<>();
        for (int i = 0; i < order.length; i++) {
            SpeakerRegrouper.Result res = r.add(i, voice(order[i], 0.15, rng));
            labels.add(res.speaker());
            res.relabelled().forEach(labels::set);
        }
        assertEquals(List.of(1, 1, 2, 3, 3, 3, 4, 2, 1, 4, 4, 3, 2, 2, 1, 4), labels);
    }

    @Test
    void anEarlyMistakeIsUndoneAndReportedAsARelabel() {
        // utterance 1 lies between voices A and B: alone with A it fits A (cosine 0.71 ≥ 0.6) …
        SpeakerRegrouper r = plain(0.6);
        float[] a = {1, 0, 0};
        float[] between = {1, 1, 0};
        float[] b = {0.2f, 1, 0};
        assertEquals(1, r.add(0, a).speaker());
        assertEquals(1, r.add(1, between).speaker());
        // … B's first utterance is nearer to it (0.83) than {A, between} on average: B takes it over
        SpeakerRegrouper.Result res = r.add(2, b);
        assertEquals(2, res.speaker());
        assertEquals(Map.of(1, 2), res.relabelled(), "utterance 1 moves to speaker 2");
        assertEquals(1, r.add(3, a).speaker(), "A keeps its label");
    }

    @Test
    void twoHalvesOfOneVoiceMergeAndTheLaterLabelGoes() {
        // far apart at first (cosine 0.28 < 0.5), joined once utterances in between link them
        SpeakerRegrouper r = plain(0.5);
        assertEquals(1, r.add(0, new float[]{1, 0, 0}).speaker());
        assertEquals(2, r.add(1, new float[]{0.28f, 0.96f, 0}).speaker());
        SpeakerRegrouper.Result res = r.add(2, new float[]{0.8f, 0.6f, 0});
        assertEquals(1, res.speaker());
        assertEquals(Map.of(1, 1), res.relabelled(), "Speaker 2's line becomes Speaker 1's");
        assertEquals(3, r.add(3, new float[]{0, 0, 1}).speaker(), "numbers are not reused");
    }

    @Test
    void adjacentUtterancesGetTheBonus() {
        float[] a = {1, 0, 0};
        float[] b = {0.55f, 0.835f, 0}; // cosine 0.55 to a
        SpeakerRegrouper without = new SpeakerRegrouper(0.6, 0, SpeakerBackground.none());
        without.add(0, a);
        assertEquals(2, without.add(1, b).speaker());
        SpeakerRegrouper with = new SpeakerRegrouper(0.6, 0.1, SpeakerBackground.none());
        with.add(0, a);
        assertEquals(1, with.add(1, b).speaker(), "in a row: 0.55 + 0.1 ≥ 0.6");
    }

    @Test
    void badSettingsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> plain(1.5));
        assertThrows(IllegalArgumentException.class, () -> new SpeakerRegrouper(0.5, -0.1,
                SpeakerBackground.none()));
    }
}
