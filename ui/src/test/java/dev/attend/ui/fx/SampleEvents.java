package dev.attend.ui.fx;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.event.AsrEvents;
import dev.attend.event.CoreEvents;
import dev.attend.event.EventJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Test events in the pinned shapes (docs/events.md): a session with two utterances, their translations and a
 * MiniLM-shaped attention pass whose weights are the exact softmax of its scores.
 */
public final class SampleEvents {

    private static final ObjectMapper M = EventJson.mapper();

    private SampleEvents() {
    }

    public static List<JsonNode> session() {
        List<JsonNode> out = new ArrayList<>();
        out.add(tree(new CoreEvents.SessionStart(0, "1", List.of(Map.of("kind", "wav")), "fast")));
        out.add(vad("start", 0.4, Double.NaN));
        out.add(tree(new AsrEvents.Partial(0.9, 0, "hello")));
        out.add(tree(new AsrEvents.Partial(1.2, 0, "hello wor")));
        out.add(tree(new AsrEvents.Final(0.48, 1.5, 0, "hello world", 0.8,
                List.of(new AsrEvents.Word("hello", 0.48, 0.9, 1.0), new AsrEvents.Word("world", 0.95, 1.5, 0.6)),
                List.of())));
        out.add(translation(0, 0.48, "hello world", "hola mundo"));
        out.add(vad("end", 1.6, 0.4));
        out.add(wake(2.0));
        out.add(tree(new AsrEvents.Final(2.1, 2.9, 1, "what time is it", 0.95,
                List.of(new AsrEvents.Word("what", 2.1, 2.3, 0.99), new AsrEvents.Word("time", 2.3, 2.5, 0.98),
                        new AsrEvents.Word("is", 2.5, 2.6, 0.9), new AsrEvents.Word("it", 2.6, 2.9, 0.93)),
                List.of())));
        out.add(translation(1, 2.1, "what time is it", "qué hora es"));
        for (int head = 0; head < 2; head++) {
            out.add(attention(0, 0, head));
        }
        out.add(tree(new CoreEvents.SessionEnd(3.0, "eof", 3.0, 0, 0, 0, 0.1)));
        return out;
    }

    public static Path writeJsonl(Path dir, List<JsonNode> events) throws IOException {
        Path f = dir.resolve("events.jsonl");
        StringBuilder sb = new StringBuilder();
        for (JsonNode e : events) {
            sb.append(M.writeValueAsString(e)).append('\n');
        }
        Files.writeString(f, sb.toString());
        return f;
    }

    public static JsonNode tree(Object event) {
        return M.valueToTree(event);
    }

    public static ObjectNode vad(String ev, double t, double start) {
        ObjectNode o = M.createObjectNode().put("type", "vad").put("t", t).put("event", ev);
        o.put("start", Double.isNaN(start) ? t : start);
        if ("end".equals(ev)) {
            o.put("end", t);
        } else {
            o.putNull("end");
        }
        return o.put("probability", 0.9);
    }

    public static ObjectNode wake(double t) {
        return M.createObjectNode().put("type", "wake").put("t", t).put("model", "hey_jarvis").put("score", 0.97)
                .put("threshold", 0.5);
    }

    public static ObjectNode translation(int utt, double t, String source, String target) {
        ObjectNode o = M.createObjectNode().put("type", "translation").put("t", t).put("utterance", utt)
                .put("pair", "eng-spa").put("final", true).put("source", source).put("target", target);
        o.putArray("unknown");
        return o.put("latencyMs", 12.5);
    }

    /** Tokens [CLS] hello world [SEP]; scores differ per head; weights = softmax(scores) per row. */
    public static ObjectNode attention(int utt, int layer, int head) {
        String[] tokens = {"[CLS]", "hello", "world", "[SEP]"};
        ObjectNode o = M.createObjectNode().put("type", "attention").put("t", 0.48).put("source", "minilm")
                .put("utterance", utt).put("layer", layer).put("head", head).put("queryAxis", "tokens")
                .put("keyAxis", "tokens");
        ArrayNode q = o.putArray("queries");
        ArrayNode k = o.putArray("keys");
        for (String t : tokens) {
            q.add(t);
            k.add(t);
        }
        ArrayNode w = o.putArray("weights");
        ArrayNode s = o.putArray("scores");
        for (int i = 0; i < 4; i++) {
            double[] sc = new double[4];
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < 4; j++) {
                sc[j] = (i == j ? 2.0 : 0.5) + 0.25 * j * (head + 1) - 0.1 * layer;
                max = Math.max(max, sc[j]);
            }
            double sum = 0;
            for (double v : sc) {
                sum += Math.exp(v - max);
            }
            ArrayNode wr = w.addArray();
            ArrayNode sr = s.addArray();
            for (int j = 0; j < 4; j++) {
                sr.add(sc[j]);
                wr.add(Math.exp(sc[j] - max) / sum);
            }
        }
        return o;
    }
}
