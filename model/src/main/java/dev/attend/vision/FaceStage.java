package dev.attend.vision;

import dev.attend.event.CoreEvents;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import java.util.List;

/**
 * Face detection, tracking and mouth motion on the video bus: a {@code face} event per processed frame and a
 * {@link VideoToken} per tracked face on {@link #tokens()}. In real-time pacing it skips frames it cannot keep up
 * with (a frame is processed only when at least the recent processing time, in media seconds, has passed since the
 * last processed one) and reports them as {@code drop} events; in fast pacing it processes every frame.
 */
public final class FaceStage implements Stage<VideoFrame> {

    /**
     * @param threshold minimum detection score
     * @param minIou    tracking: IoU a detection needs with a track's last box to continue it
     * @param maxMissed tracking: processed frames a track survives without a detection
     */
    public record Options(float threshold, float minIou, int maxMissed) {
        public static Options defaults() {
            return new Options(BlazeFaceDetector.DEFAULT_THRESHOLD, 0.3f, 10);
        }
    }

    public static final String NAME = "faces";

    private final Options options;
    private final VideoTokenStream tokens;
    private BlazeFaceDetector detector;
    private FaceAnalyzer analyzer;
    private double lastProcessedT = Double.NEGATIVE_INFINITY;
    private double processingSeconds;
    private long skippedSinceReport;
    private long skippedTotal;

    public FaceStage() {
        this(Options.defaults(), new VideoTokenStream());
    }

    public FaceStage(Options options, VideoTokenStream tokens) {
        this.options = options;
        this.tokens = tokens;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Where this stage publishes its video tokens. */
    public VideoTokenStream tokens() {
        return tokens;
    }

    @Override
    public void start(StageContext ctx) throws Exception {
        detector = BlazeFaceDetector.load(VisionModels.BLAZEFACE_FRONT, options.threshold());
        analyzer = new FaceAnalyzer(new FaceTracker(options.minIou(), options.maxMissed()));
    }

    @Override
    public void process(VideoFrame frame, StageContext ctx) throws Exception {
        if (ctx.pacing() == Pacing.REALTIME && frame.t() - lastProcessedT < processingSeconds) {
            skippedSinceReport++;
            skippedTotal++;
            return;
        }
        long t0 = System.nanoTime();
        List<FaceDetection> detections = detector.detect(frame);
        List<TrackedFace> faces = analyzer.analyze(frame, detections);
        reportSkipped(frame.t(), ctx);
        ctx.events().emit(FaceEvent.of(frame.t(), frame.seq(), frame.width(), frame.height(), faces));
        for (TrackedFace f : faces) {
            tokens.publish(new VideoToken(frame.t(), frame.seq(), f.track(), f.descriptor()));
        }
        double took = (System.nanoTime() - t0) / 1e9;
        // smoothed, so one slow frame (a GC pause) does not make the stage skip a burst
        processingSeconds = processingSeconds == 0 ? took : 0.8 * processingSeconds + 0.2 * took;
        lastProcessedT = frame.t();
    }

    @Override
    public void end(StageContext ctx) {
        reportSkipped(lastProcessedT == Double.NEGATIVE_INFINITY ? 0 : lastProcessedT, ctx);
    }

    private void reportSkipped(double t, StageContext ctx) {
        if (skippedSinceReport > 0) {
            ctx.events().emit(new CoreEvents.Drop(Math.round(t * 1e6) / 1e6, NAME, "video", skippedSinceReport,
                    skippedTotal));
            skippedSinceReport = 0;
        }
    }

    @Override
    public void close() {
        if (detector != null) {
            detector.close();
            detector = null;
        }
    }
}
