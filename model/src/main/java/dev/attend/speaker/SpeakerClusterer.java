package dev.attend.speaker;

import java.util.ArrayList;
import java.util.List;

/**
 * Online clustering of one session's utterance vectors: each utterance joins the most similar existing speaker when
 * its cosine to that speaker's centroid (mean direction of its utterances so far) reaches {@code joinThreshold},
 * otherwise it starts a new speaker. Hysteresis: the speaker of the previous utterance is kept at a lower cosine
 * ({@code stayThreshold}) as long as no other speaker fits better, because turns last several utterances and a
 * short utterance gives a noisier vector. Cosines are taken between vectors centred on a {@link SpeakerBackground}
 * (the shipped thresholds assume the shipped one). Speakers are numbered 1, 2, … in order of first appearance. Not
 * thread-safe (one session, one stage thread).
 */
public final class SpeakerClusterer {

    private final double joinThreshold;
    private final double stayThreshold;
    private final SpeakerBackground background;
    private final List<Cluster> clusters = new ArrayList<>();
    private int previous = -1;

    /** One speaker of the session: its number and the running sum of its unit vectors. */
    private static final class Cluster {
        final int number;
        final float[] sum;
        int count;

        Cluster(int number, int dim) {
            this.number = number;
            this.sum = new float[dim];
        }

        void add(float[] unit) {
            for (int i = 0; i < unit.length; i++) {
                sum[i] += unit[i];
            }
            count++;
        }
    }

    /** The result of one assignment: the speaker's number (1-based), the cosine to its centroid (1 for a new one). */
    public record Assignment(int speaker, double score, boolean isNew) {
    }

    /** Plain cosines of the vectors (no background). */
    public SpeakerClusterer(double joinThreshold, double stayThreshold) {
        this(joinThreshold, stayThreshold, SpeakerBackground.none());
    }

    public SpeakerClusterer(double joinThreshold, double stayThreshold, SpeakerBackground background) {
        if (!(stayThreshold <= joinThreshold) || joinThreshold > 1 || stayThreshold < -1) {
            throw new IllegalArgumentException("need -1 <= stay <= join <= 1, not stay " + stayThreshold + ", join "
                    + joinThreshold);
        }
        this.joinThreshold = joinThreshold;
        this.stayThreshold = stayThreshold;
        this.background = java.util.Objects.requireNonNull(background, "background");
    }

    /** Assigns the vector to a speaker (updating that speaker's centroid). */
    public Assignment assign(float[] vector) {
        float[] unit = SpeakerVectors.normalized(background.centred(vector));
        int best = -1;
        double bestScore = -2;
        for (int i = 0; i < clusters.size(); i++) {
            double s = SpeakerVectors.cosine(unit, clusters.get(i).sum);
            if (s > bestScore) {
                bestScore = s;
                best = i;
            }
        }
        int chosen;
        double score;
        if (previous >= 0 && best == previous && bestScore >= stayThreshold) {
            chosen = previous;
            score = bestScore;
        } else if (best >= 0 && bestScore >= joinThreshold) {
            chosen = best;
            score = bestScore;
        } else {
            clusters.add(new Cluster(clusters.size() + 1, unit.length));
            chosen = clusters.size() - 1;
            score = 1;
        }
        boolean isNew = clusters.get(chosen).count == 0;
        clusters.get(chosen).add(unit);
        previous = chosen;
        return new Assignment(clusters.get(chosen).number, score, isNew);
    }

    /** Speakers found so far. */
    public int speakers() {
        return clusters.size();
    }

    /** The centroid (unit length, centred on the background) of speaker {@code number}. */
    public float[] centroid(int number) {
        return SpeakerVectors.normalized(clusters.get(number - 1).sum);
    }
}
