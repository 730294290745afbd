package dev.attend.encoders.vision;

import dev.attend.event.CoreEvents;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import dev.attend.token.Token;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * Face detection, tracking and mouth motion on the video bus: a {@code face} event per processed frame and a
 * video {@link Token} per tracked face (vector: its {@link FaceDescriptor}; group: the track) on the session's
 * token bus, the one token API (the fusion stage subscribes there). In real-time pacing it skips frames that reach
 * it late
 * (more than {@link Options#realtimeMaxLag()} behind the earliest any frame has arrived relative to its media time,
 * i.e. frames that queued up while it was busy) so it always works on fresh frames, and reports them as {@code drop}
 * events; in fast pacing it processes every frame.
 */
public final class FaceStage implements Stage<VideoFrame> {

    /**
     * @param threshold minimum detection score
     * @param minIou    tracking: IoU a detection needs with a track's last box to continue it
     * @param maxMissed tracking: processed frames a track survives without a detection
     * @param realtimeMaxLag real-time pacing: seconds a frame may be late before it is skipped
     */
    public record Options(float threshold, float minIou, int maxMissed, double realtimeMaxLag) {
        public static Options defaults() {
            return new Options(BlazeFaceDetector.DEFAULT_THRESHOLD, 0.3f, 10, 0.1);
        }
    }

    public static final String NAME = "faces";

    private final Options options;
    private BlazeFaceDetector detector;
    private FaceAnalyzer analyzer;
    private final LongSupplier nanoClock;
    private double lastSeenT;
    private double minOffset = Double.POSITIVE_INFINITY;
    private long skippedSinceReport;
    private long skippedTotal;

    public FaceStage() {
        this(Options.defaults());
    }

    public FaceStage(Options options) {
        this(options, System::nanoTime);
    }

    FaceStage(Options options, LongSupplier nanoClock) {
        this.options = options;
        this.nanoClock = nanoClock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void start(StageContext ctx) throws Exception {
        detector = BlazeFaceDetector.load(VisionModels.BLAZEFACE_FRONT, options.threshold());
        analyzer = new FaceAnalyzer(new FaceTracker(options.minIou(), options.maxMissed()));
        // the first inference allocates ONNX Runtime's buffers (seconds on a busy machine): do it before frames wait
        detector.infer(new float[BlazeFaceDetector.INPUT_SIZE * BlazeFaceDetector.INPUT_SIZE * 3]);
    }

    @Override
    public void process(VideoFrame frame, StageContext ctx) throws Exception {
        lastSeenT = frame.t();
        if (ctx.pacing() == Pacing.REALTIME && late(frame)) {
            skippedSinceReport++;
            skippedTotal++;
            return;
        }
        List<FaceDetection> detections = detector.detect(frame);
        List<TrackedFace> faces = analyzer.analyze(frame, detections);
        reportSkipped(frame.t(), ctx);
        ctx.events().emit(FaceEvents.of(frame.t(), frame.seq(), frame.width(), frame.height(), faces));
        for (TrackedFace f : faces) {
            float[] descriptor = f.descriptor();
            ctx.tokens().publish(Token.video(frame.seq(), frame.t(), f.track(), descriptor));
        }
    }

    /**
     * Arrival time minus media time is the frame's offset; the smallest offset seen is the pipeline's own delay, and
     * anything beyond it is time the frame spent waiting for this stage.
     */
    private boolean late(VideoFrame frame) {
        double offset = nanoClock.getAsLong() / 1e9 - frame.t();
        minOffset = Math.min(minOffset, offset);
        return offset - minOffset > options.realtimeMaxLag();
    }

    @Override
    public void end(StageContext ctx) {
        reportSkipped(lastSeenT, ctx);
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
