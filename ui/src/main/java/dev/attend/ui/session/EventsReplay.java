package dev.attend.ui.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.concurrent.AttendThreads;
import dev.attend.event.AttendEvent;
import dev.attend.event.EventCodec;
import dev.attend.event.EventFormatException;
import dev.attend.event.EventSink;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replays a recorded events file ({@code attend run --events file.jsonl}) into the UI, either as fast as possible
 * or paced by each event's media time {@code t}, on its own thread. Lines are decoded by {@link EventCodec} (types
 * this build does not know arrive as {@link dev.attend.event.UnknownEvent}); a line that is not an event is skipped
 * with a warning naming the file, the line and what is wrong; nothing else is lost.
 */
public final class EventsReplay implements RunningSession {

    private static final Logger LOG = LoggerFactory.getLogger(EventsReplay.class);
    private final Thread thread;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile boolean stopping;

    /** One decoded line: its tree and its event. */
    private interface LineSink {
        void accept(JsonNode tree, AttendEvent event);
    }

    private EventsReplay(Path file, boolean paced, LineSink sink) {
        thread = AttendThreads.newThread("replay", () -> run(file, paced, sink));
    }

    /** Starts replaying typed events; the file must exist and be readable. */
    public static EventsReplay startEvents(Path file, boolean paced, EventSink sink) {
        return start(file, new EventsReplay(file, paced, (tree, event) -> sink.emit(event)));
    }

    /** Starts replaying the lines' JSON trees (each one a valid event); new code uses {@link #startEvents}. */
    public static EventsReplay start(Path file, boolean paced, Consumer<JsonNode> sink) {
        return start(file, new EventsReplay(file, paced, (tree, event) -> sink.accept(tree)));
    }

    private static EventsReplay start(Path file, EventsReplay r) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(file + ": cannot read events file; choose a .jsonl file written by "
                    + "'attend run --events FILE'");
        }
        r.thread.start();
        return r;
    }

    private void run(Path file, boolean paced, LineSink sink) {
        long startNanos = System.nanoTime();
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while (!stopping && (line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                AttendEvent event;
                try {
                    node = EventCodec.mapper().readTree(line);
                    event = EventCodec.decode(node);
                } catch (IOException | EventFormatException e) {
                    LOG.warn("{}:{}: not an event ({}), skipped", file, lineNo, e.getMessage());
                    continue;
                }
                if (paced) {
                    long due = startNanos + (long) (event.t() * 1e9);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
                    }
                }
                sink.accept(node, event);
            }
        } catch (IOException e) {
            LOG.warn("{}: replay stopped at line {}: {}", file, lineNo, e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            ended.countDown();
        }
    }

    @Override
    public void stop() {
        stopping = true;
        thread.interrupt();
    }

    @Override
    public boolean isEnded() {
        return ended.getCount() == 0;
    }

    @Override
    public void close() {
        stop();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
