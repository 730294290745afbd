package dev.attend.ui.session;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.event.EventJson;
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
 * or paced by each event's media time {@code t}, on its own thread. A line that is not JSON is skipped with a
 * warning naming the file and line; nothing else is lost.
 */
public final class EventsReplay implements RunningSession {

    private static final Logger LOG = LoggerFactory.getLogger(EventsReplay.class);
    private final Thread thread;
    private final CountDownLatch ended = new CountDownLatch(1);
    private final dev.attend.pipeline.PaceClock clock = dev.attend.pipeline.PaceClock.startingNow();
    private volatile boolean stopping;

    private EventsReplay(Path file, boolean paced, Consumer<JsonNode> sink) {
        thread = new Thread(() -> run(file, paced, sink), "attend-replay");
        thread.setDaemon(true);
    }

    /** Starts replaying; the file must exist and be readable. */
    public static EventsReplay start(Path file, boolean paced, Consumer<JsonNode> sink) {
        if (!Files.isReadable(file)) {
            throw new IllegalArgumentException(file + ": cannot read events file; choose a .jsonl file written by "
                    + "'attend run --events FILE'");
        }
        EventsReplay r = new EventsReplay(file, paced, sink);
        r.thread.start();
        return r;
    }

    private void run(Path file, boolean paced, Consumer<JsonNode> sink) {
        int lineNo = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while (!stopping && (line = in.readLine()) != null) {
                lineNo++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node;
                try {
                    node = EventJson.mapper().readTree(line);
                } catch (IOException e) {
                    LOG.warn("{}:{}: not a JSON event, skipped", file, lineNo);
                    continue;
                }
                if (paced) {
                    clock.awaitDue(node.path("t").asDouble(0));
                } else {
                    clock.awaitRunning();
                }
                sink.accept(node);
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

    /** Pausing holds the replay's media time (paced or not). */
    @Override
    public void setPaused(boolean paused) {
        if (paused) {
            clock.pause();
        } else {
            clock.resume();
        }
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
