package dev.attend.pipeline;

import dev.attend.event.EventSink;
import java.time.Duration;

/**
 * The settings of a {@link Pipeline.Builder} beside its sources and stages: where events go, the pace, the media
 * start, the stats interval and the queue sizes. Public methods of this package-private base are called on the
 * builder ({@code B}), so a chain keeps its type.
 */
abstract class PipelineTuning<B extends PipelineTuning<B>> {
    EventSink events = EventSink.discard();
    Pacing pacing = Pacing.REALTIME;
    double mediaStart;
    Duration statsInterval = Duration.ofSeconds(1);
    int audioCapacity = 64;  // 64 x 80 ms = 5 s of audio
    int videoCapacity = 4;
    int busCapacity = 1024;
    Duration busStageEndWait = Duration.ofMinutes(2);

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** Queue size of each bus stage (default 1024; BLOCK: a full queue holds up the stage that publishes). */
    public B busQueueCapacity(int n) {
        this.busCapacity = n;
        return self();
    }

    /** How long the session's end waits for the bus stages to finish their queued work (default 2 min). */
    public B busStageEndWait(Duration d) {
        this.busStageEndWait = d;
        return self();
    }

    public B events(EventSink sink) {
        this.events = sink;
        return self();
    }

    public B pacing(Pacing p) {
        this.pacing = p;
        return self();
    }

    /**
     * Media time at which the file sources start (they were opened at that offset, for a seek): real-time
     * pacing counts from there instead of from 0. Default 0.
     */
    public B mediaStart(double seconds) {
        if (!(seconds >= 0)) {
            throw new IllegalArgumentException("media start must be 0 or more: " + seconds);
        }
        this.mediaStart = seconds;
        return self();
    }

    public B statsInterval(Duration d) {
        if (d.isZero() || d.isNegative()) {
            throw new IllegalArgumentException("stats interval must be positive");
        }
        this.statsInterval = d;
        return self();
    }

    public B audioQueueCapacity(int n) {
        this.audioCapacity = n;
        return self();
    }

    public B videoQueueCapacity(int n) {
        this.videoCapacity = n;
        return self();
    }
}
