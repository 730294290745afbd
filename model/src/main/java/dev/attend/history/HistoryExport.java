package dev.attend.history;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.history.HistoryRecords.SessionInfo;
import dev.attend.history.HistoryRecords.StoredUtterance;
import java.util.List;
import java.util.Locale;

/** A stored session as TXT, SRT, WebVTT or JSON (with word times, translation and speaker). */
public final class HistoryExport {

    public enum Format {
        TXT, SRT, VTT, JSON;

        /** {@code txt}, {@code srt}, … (case-insensitive). */
        public static Format parse(String s) {
            try {
                return valueOf(s.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown export format '" + s + "'; use txt, srt, vtt or json");
            }
        }
    }

    private static final JsonMapper PRETTY = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private HistoryExport() {
    }

    public static String format(Format f, SessionInfo s, List<StoredUtterance> utterances) {
        StringBuilder sb = new StringBuilder();
        switch (f) {
            case TXT -> utterances.forEach(u -> {
                sb.append(u.speaker() != null ? u.speaker() + ": " : "").append(u.text()).append('\n');
                if (u.translation() != null) {
                    sb.append("  ").append(u.translation()).append('\n');
                }
            });
            case SRT, VTT -> {
                if (f == Format.VTT) {
                    sb.append("WEBVTT\n\n");
                }
                int n = 1;
                for (StoredUtterance u : utterances) {
                    if (f == Format.SRT) {
                        sb.append(n).append('\n');
                    }
                    n++;
                    sb.append(time(u.start(), f)).append(" --> ").append(time(u.end(), f)).append('\n');
                    sb.append(u.speaker() != null ? u.speaker() + ": " : "").append(u.text()).append('\n');
                    if (u.translation() != null) {
                        sb.append(u.translation()).append('\n');
                    }
                    sb.append('\n');
                }
            }
            case JSON -> sb.append(json(s, utterances)).append('\n');
            default -> throw new IllegalArgumentException(f.toString());
        }
        return sb.toString();
    }

    private static String json(SessionInfo s, List<StoredUtterance> utterances) {
        ObjectNode root = PRETTY.createObjectNode();
        root.put("session", s.id());
        root.put("startedAt", s.startedAt().toString());
        root.put("endedAt", s.endedAt() == null ? null : s.endedAt().toString());
        root.put("duration", s.duration());
        root.put("speechModel", s.speechModel());
        root.put("translationPair", s.translationPair());
        ArrayNode arr = root.putArray("utterances");
        for (StoredUtterance u : utterances) {
            ObjectNode o = arr.addObject();
            o.put("utterance", u.seq());
            o.put("start", u.start());
            o.put("end", u.end());
            o.put("text", u.text());
            o.put("confidence", u.confidence());
            o.put("speaker", u.speaker());
            o.put("translation", u.translation());
            ArrayNode words = o.putArray("words");
            u.words().forEach(w -> words.addObject().put("word", w.word()).put("start", w.start())
                    .put("end", w.end()).put("conf", w.conf()));
        }
        try {
            return PRETTY.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code 00:01:02,345} (SRT) or {@code 00:01:02.345} (VTT). */
    static String time(double seconds, Format f) {
        long ms = Math.max(0, Math.round(seconds * 1000));
        return String.format(Locale.ROOT, "%02d:%02d:%02d%s%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                f == Format.SRT ? "," : ".", ms % 1000);
    }
}
