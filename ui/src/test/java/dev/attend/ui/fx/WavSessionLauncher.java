package dev.attend.ui.fx;

import dev.attend.audio.LevelMeterStage;
import dev.attend.audio.WavFileSource;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.Pipeline;
import dev.attend.pipeline.Stage;
import dev.attend.ui.session.RunningSession;
import dev.attend.ui.session.SessionLauncher;
import dev.attend.ui.session.SessionRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/** A real pipeline for FILE requests (WAV source, level meter, the UI's preview stages), as the app wires one. */
public final class WavSessionLauncher implements SessionLauncher {

    @Override
    public RunningSession start(SessionRequest r, EventSink events, List<Stage<AudioChunk>> audioPreview,
                                List<Stage<VideoFrame>> videoPreview) throws Exception {
        Pipeline.Builder b = Pipeline.builder().source(new WavFileSource(r.file()).startAt(r.startAt()))
                .mediaStart(r.startAt()).events(events)
                .pacing(r.paced() ? Pacing.REALTIME : Pacing.FAST).audioStage(new LevelMeterStage());
        audioPreview.forEach(b::audioStage);
        Pipeline p = b.build();
        p.start();
        return RunningSession.of(p);
    }

    /** Writes a 16 kHz mono WAV: a 440 Hz tone with a pause in the middle. */
    public static Path writeTone(Path file, double seconds) throws IOException {
        int n = (int) (seconds * 16000);
        ByteBuffer buf = ByteBuffer.allocate(n * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < n; i++) {
            boolean on = i < n * 0.4 || i > n * 0.6;
            buf.putShort((short) (on ? 8000 * Math.sin(2 * Math.PI * 440 * i / 16000.0) : 0));
        }
        AudioFormat f = new AudioFormat(16000, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(buf.array()), f, n)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
        }
        return file;
    }
}
