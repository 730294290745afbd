package dev.attend.asr.vosk;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.attend.asr.RecognitionResult;
import java.util.ArrayList;
import java.util.List;

/** Turns libvosk's JSON results into typed records. */
final class VoskResultParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private VoskResultParser() {
    }

    /** A final result: {@code {"result":[words],"text":…}} or, with alternatives, {@code {"alternatives":[…]}}. */
    static RecognitionResult.Utterance utterance(String json) {
        JsonNode root = parse(json);
        JsonNode alts = root.get("alternatives");
        if (alts != null && alts.isArray()) {
            if (alts.isEmpty()) {
                return build("", List.of(), List.of());
            }
            List<RecognitionResult.Alternative> others = new ArrayList<>();
            for (int i = 1; i < alts.size(); i++) {
                JsonNode a = alts.get(i);
                others.add(new RecognitionResult.Alternative(a.path("text").asText(""), a.path("confidence").asDouble()));
            }
            JsonNode best = alts.get(0);
            return withSpeaker(build(best.path("text").asText(""), words(best.get("result")), others), root);
        }
        return withSpeaker(build(root.path("text").asText(""), words(root.get("result")), List.of()), root);
    }

    /** libvosk adds {@code "spk":[…]} and {@code "spk_frames":n} when it has a speaker model and enough speech. */
    private static RecognitionResult.Utterance withSpeaker(RecognitionResult.Utterance u, JsonNode root) {
        JsonNode spk = root.get("spk");
        if (spk == null || !spk.isArray() || spk.isEmpty()) {
            return u;
        }
        float[] v = new float[spk.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) spk.get(i).asDouble();
        }
        return new RecognitionResult.Utterance(u.text(), u.start(), u.end(), u.confidence(), u.words(),
                u.alternatives(), v, root.path("spk_frames").asInt(0));
    }

    static RecognitionResult.Partial partial(String json) {
        JsonNode root = parse(json);
        return new RecognitionResult.Partial(root.path("partial").asText(""), words(root.get("partial_result")));
    }

    private static RecognitionResult.Utterance build(String text, List<RecognitionResult.Word> words,
                                                     List<RecognitionResult.Alternative> alternatives) {
        double start = words.isEmpty() ? Double.NaN : words.get(0).start();
        double end = words.isEmpty() ? Double.NaN : words.get(words.size() - 1).end();
        double conf = words.stream().mapToDouble(RecognitionResult.Word::conf).average().orElse(1.0);
        return new RecognitionResult.Utterance(text, start, end, conf, words, alternatives);
    }

    private static List<RecognitionResult.Word> words(JsonNode arr) {
        List<RecognitionResult.Word> out = new ArrayList<>();
        if (arr == null || !arr.isArray()) {
            return out;
        }
        for (JsonNode w : arr) {
            // alternatives carry no per-word confidence: count those words as certain
            out.add(new RecognitionResult.Word(w.path("word").asText(""), w.path("start").asDouble(),
                    w.path("end").asDouble(), w.has("conf") ? w.get("conf").asDouble() : 1.0));
        }
        return out;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json == null ? "{}" : json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("libvosk returned malformed JSON: " + e.getOriginalMessage(), e);
        }
    }
}
