package dev.attend.speaker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SpeakerClustererTest {

    /** A unit vector along axis {@code k} of 8, tilted by {@code noise} into the other axes (seeded). */
    private static float[] voice(int k, double noise, Random rng) {
        float[] v = new float[8];
        v[k] = 1;
        for (int i = 0; i < v.length; i++) {
            v[i] += (float) (noise * rng.nextGaussian());
        }
        return v;
    }

    @Test
    void threeVoicesGetThreeNumbersInOrderOfAppearance() {
        Random rng = new Random(3);
        SpeakerClusterer c = new SpeakerClusterer(0.8, 0.7);
        int[] truth = {0, 0, 1, 2, 1, 0, 2, 2, 1, 0};
        int[] expected = {1, 1, 2, 3, 2, 1, 3, 3, 2, 1};
        for (int i = 0; i < truth.length; i++) {
            assertEquals(expected[i], c.assign(voice(truth[i], 0.05, rng)).speaker(), "utterance " + i);
        }
        assertEquals(3, c.speakers());
    }

    @Test
    void hysteresisKeepsThePreviousSpeakerBetweenStayAndJoin() {
        SpeakerClusterer c = new SpeakerClusterer(0.9, 0.7);
        float[] a = {1, 0};
        // cos(a, b) = 0.8: below join, above stay
        float[] b = {0.8f, 0.6f};
        assertTrue(c.assign(a).isNew());
        SpeakerClusterer.Assignment second = c.assign(b);
        assertEquals(1, second.speaker(), "kept: the previous speaker and 0.8 >= stay");
        assertFalse(second.isNew());

        SpeakerClusterer fresh = new SpeakerClusterer(0.9, 0.9);
        fresh.assign(a);
        assertEquals(2, fresh.assign(b).speaker(), "without hysteresis 0.8 < 0.9 starts a new speaker");
    }

    @Test
    void rejectsStayAboveJoin() {
        assertThrows(IllegalArgumentException.class, () -> new SpeakerClusterer(0.7, 0.8));
    }

    @Test
    void verifierNamesOnlyVoicesAboveTheThreshold() {
        SpeakerProfile ann = new SpeakerProfile("Ann", new float[]{1, 0, 0}, 3, java.time.Instant.EPOCH);
        SpeakerProfile bob = new SpeakerProfile("Bob", new float[]{0, 1, 0}, 3, java.time.Instant.EPOCH);
        SpeakerVerifier v = new SpeakerVerifier(List.of(ann, bob), 0.9);
        assertEquals("Bob", v.identify(new float[]{0.1f, 1, 0}).orElseThrow().name());
        assertTrue(v.isEnrolled(new float[]{2, 0.1f, 0}));
        assertFalse(v.isEnrolled(new float[]{0, 0, 1}), "orthogonal voice is nobody");
        assertEquals(0.0, v.bestMatch(new float[]{0, 0, 1}).orElseThrow().score(), 1e-9);
        assertTrue(new SpeakerVerifier(List.of(), 0.9).bestMatch(new float[]{1, 0, 0}).isEmpty());
    }

    @Test
    void labelerPrefersEnrolledNamesAndNumbersTheRest() {
        SpeakerProfile ann = new SpeakerProfile("Ann", new float[]{1, 0, 0}, 3, java.time.Instant.EPOCH);
        SpeakerLabeler l = new SpeakerLabeler(new SpeakerVerifier(List.of(ann), 0.9), new SpeakerRegrouper(0.9, 0,
                SpeakerBackground.none()));
        assertEquals("Speaker 1", l.label(0, new float[]{0, 1, 0}).name());
        SpeakerLabeler.Label a = l.label(1, new float[]{1, 0.05f, 0});
        assertEquals("Ann", a.name());
        assertTrue(a.enrolled());
        assertEquals("Speaker 2", l.label(2, new float[]{0, 0, 1}).name());
        assertEquals("Speaker 1", l.label(3, new float[]{0, 1, 0.05f}).name());
    }

    @Test
    void theBackgroundIsSubtractedBeforeTheCosine() {
        // two voices that share a common direction: raw cosine 0.36, centred on that direction 0
        float[] a = {0.6f, 0.8f, 0};
        float[] b = {0.6f, 0, 0.8f};
        SpeakerBackground bg = SpeakerBackground.of(new float[]{0.6f, 0, 0});
        assertEquals(0.36, SpeakerVectors.cosine(a, b), 1e-6);
        assertEquals(0.0, bg.cosine(a, b), 1e-6);
        assertEquals(0.36, SpeakerBackground.none().cosine(a, b), 1e-6);
        // so a clusterer at join 0.3 keeps them apart only with the background
        SpeakerClusterer raw = new SpeakerClusterer(0.3, 0.3);
        raw.assign(a);
        assertEquals(1, raw.assign(b).speaker());
        SpeakerClusterer centred = new SpeakerClusterer(0.3, 0.3, bg);
        centred.assign(a);
        assertEquals(2, centred.assign(b).speaker());
        // and the verifier centres the profile too
        SpeakerProfile pa = new SpeakerProfile("A", a, 3, java.time.Instant.EPOCH);
        assertTrue(new SpeakerVerifier(List.of(pa), 0.3).isEnrolled(b));
        assertFalse(new SpeakerVerifier(List.of(pa), 0.3, bg).isEnrolled(b));
    }

    @Test
    void theShippedBackgroundLoadsVerified() throws Exception {
        SpeakerBackground bg = SpeakerBackground.shipped();
        assertEquals(128, bg.dimensions());
        // a vector of another length (another speaker model) is only normalised
        assertEquals(1.0, bg.cosine(new float[]{3, 4}, new float[]{6, 8}), 1e-6);
        assertEquals(3, SpeakerBackground.parse("1.5\n-2\n0.25\n").length);
    }
}
