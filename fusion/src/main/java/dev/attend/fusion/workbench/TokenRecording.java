package dev.attend.fusion.workbench;

import dev.attend.encoders.audio.features.AudioTokenStream;
import dev.attend.encoders.audio.features.SpeechFeatureStage;
import dev.attend.encoders.vision.FaceFeature;
import dev.attend.event.EventSink;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.Stage;
import dev.attend.pipeline.StageContext;
import dev.attend.session.MediaSpec;
import dev.attend.session.SessionAssembler;
import dev.attend.session.SessionFeature;
import dev.attend.token.Token;
import dev.attend.training.CalibrationPrompt;
import dev.attend.training.CalibrationRecorder;
import dev.attend.training.RecordingInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Records a calibration session as tokens: an ordinary session (the project's speech-feature and face stages) whose
 * token bus feeds a collecting stage, so a recording holds exactly the audio and video tokens live fusion sees.
 * Media is not kept.
 */
final class TokenRecording implements CalibrationRecorder {

    /** The tokens of a finished recording, in arrival order per modality. */
    record Tokens(List<Token> audio, List<Token> video, double seconds, int prompts) implements Recording {
        @Override
        public int promptsCovered() {
            return prompts;
        }
    }

    private final Pipeline pipeline;
    private final List<Token> audio = new ArrayList<>();
    private final List<Token> video = new ArrayList<>();
    /** Seconds of audio a prompt's window needs (the model's 4-s window, less half a token). */
    static final double WINDOW = 3.95;
    private final int prompts;
    private final boolean live;
    private volatile double seconds;

    private TokenRecording(RecordingInput in, int prompts) throws Exception {
        this.prompts = prompts;
        this.live = in.isLive();
        MediaSpec media = new MediaSpec(in.mic(), in.audioFile(), in.camera(), in.videoFile(),
                in.isLive() ? Pacing.REALTIME : Pacing.FAST, 640, 480, 30);
        SessionFeature collect = new SessionFeature() {
            @Override
            public String name() {
                return "calibration";
            }

            @Override
            public void contribute(dev.attend.session.SessionAssembly session) {
                session.pipeline().audioStage(new SpeechFeatureStage("tokens", new AudioTokenStream(), List.of()));
                session.pipeline().tokenStage(new Collector(), Token.Modality.AUDIO, Token.Modality.VIDEO);
            }
        };
        pipeline = SessionAssembler.assemble(media, List.of(collect, FaceFeature.defaults()), EventSink.discard());
        try {
            pipeline.start();
        } catch (Exception e) {
            pipeline.close();
            throw e;
        }
    }

    static TokenRecording start(RecordingInput in, int prompts) throws Exception {
        if (!in.isLive() && in.audioFile() == null && in.videoFile() == null) {
            throw new IllegalArgumentException("a calibration recording needs an audio or video file");
        }
        return new TokenRecording(in, prompts);
    }

    /** The token stage: one thread, so the lists need a lock only against readers. */
    private final class Collector implements Stage<Token> {
        @Override
        public String name() {
            return "calibration";
        }

        @Override
        public void process(Token tk, StageContext ctx) {
            synchronized (TokenRecording.this) {
                (tk.modality() == Token.Modality.AUDIO ? audio : video).add(tk);
            }
            if (tk.modality() == Token.Modality.AUDIO) {
                seconds = tk.t();
            }
        }
    }

    @Override
    public double seconds() {
        return seconds;
    }

    @Override
    public boolean isEnded() {
        return pipeline.isEnded();
    }

    @Override
    public Recording finish() throws Exception {
        if (!pipeline.isEnded()) {
            if (live) {
                pipeline.stop(); // devices never end by themselves; a file is read to its end
            }
            if (!pipeline.awaitEnd(Duration.ofMinutes(5))) {
                pipeline.stop();
                pipeline.awaitEnd(Duration.ofSeconds(30));
            }
        }
        pipeline.close();
        synchronized (this) {
            // slot i counts once the 4-s window from its start is recorded (its end need not be)
            int covered = seconds < WINDOW ? 0
                    : (int) Math.min(prompts, Math.floor((seconds - WINDOW) / CalibrationPrompt.SLOT_SECONDS) + 1);
            return new Tokens(List.copyOf(audio), List.copyOf(video), seconds, covered);
        }
    }

    @Override
    public void close() {
        pipeline.stop();
        pipeline.close();
    }
}
