package dev.attend.fusion.live;

import java.util.Random;

/** Seeded Gaussian vectors for the streaming tests' made-up tokens. */
final class RandomVectors {

    private RandomVectors() {
    }

    static float[] gauss(Random r, int n) {
        float[] a = new float[n];
        for (int i = 0; i < n; i++) {
            a[i] = (float) r.nextGaussian();
        }
        return a;
    }
}
