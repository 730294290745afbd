package dev.attend.ui.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.attend.event.EventJson;
import dev.attend.ui.bridge.EventBridge;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * Recorded events of the real fusion model on the demo clip ({@code attend run --video demo.mp4 --fusion
 * --attention all --attention-every 1}): session start, level, face, vad and fusion events up to t = 4.952 s, and
 * the attention maps of two passes — step 61 (audio→video, video→audio, audio→audio layers 0 and 1, 4 heads
 * each) and step 62 (audio→video). Known values from that file: step 61, audio→audio layer 1 head 3, query 20
 * (2.63 s) puts 0.5361598 on key 19; the last fusion event has addressee 0.1681 and leads with intent
 * {@code search} (0.9435).
 */
public final class LabFixture {

    public static final String RESOURCE = "/dev/attend/ui/lab/demo-fusion-2passes.jsonl.gz";

    private LabFixture() {
    }

    public static List<JsonNode> events() {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = LabFixture.class.getResourceAsStream(RESOURCE);
             BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(in),
                     StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    out.add(EventJson.mapper().readTree(line));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Feeds every event into the bridge and hands them out (as one pulse would). */
    public static void feed(EventBridge bridge) {
        events().forEach(bridge::accept);
        while (bridge.drain() > 0) {
            // the bridge hands out at most a batch per drain
        }
    }

    /** The events as a JSONL file (for replays). */
    public static Path writeJsonl(Path dir) throws IOException {
        Path f = dir.resolve("demo-fusion.jsonl");
        List<String> lines = new ArrayList<>();
        for (JsonNode n : events()) {
            lines.add(n.toString());
        }
        Files.write(f, lines);
        return f;
    }
}
