package dev.attend.asr;

import dev.attend.audio.WavFileSource;
import dev.attend.event.AsrEvents;
import dev.attend.event.AttendEvent;
import dev.attend.event.EventSink;
import dev.attend.media.AudioChunk;
import dev.attend.pipeline.Pacing;
import dev.attend.pipeline.SourceException;
import dev.attend.pipeline.StageContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs one {@link AsrStage} over a whole audio file on the calling thread, without a pipeline: for enrolment
 * (the speaker vectors of a file's utterances) and benchmarks. Events other than finals (e.g. a speaker-model
 * {@code source.error}) are collected too.
 */
public final class FileTranscriber {

    private FileTranscriber() {
    }

    /** Everything the stage emitted for the file, in order. */
    public static List<AttendEvent> run(AsrStage stage, Path audio) throws SourceException {
        List<AttendEvent> out = new ArrayList<>();
        EventSink sink = out::add;
        StageContext ctx = new StageContext() {
            @Override
            public EventSink events() {
                return sink;
            }

            @Override
            public Pacing pacing() {
                return Pacing.FAST;
            }

            @Override
            public boolean stopping() {
                return false;
            }
        };
        WavFileSource src = new WavFileSource(audio);
        src.open();
        try (stage) {
            stage.start(ctx);
            AudioChunk c;
            while ((c = src.readChunk()) != null) {
                stage.process(c, ctx);
            }
            stage.end(ctx);
        } finally {
            src.close();
        }
        return out;
    }

    /** The finals among {@code events}. */
    public static List<AsrEvents.Final> finals(List<AttendEvent> events) {
        return events.stream().filter(AsrEvents.Final.class::isInstance).map(AsrEvents.Final.class::cast).toList();
    }
}
