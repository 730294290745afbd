package dev.attend.ui.transcript;

import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.ui.translation.TranslationViewModel.Translation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes settled utterances (and their translations, when present) as TXT, SRT, WebVTT or JSON. */
public final class TranscriptExport {

    /** Export formats, by file extension. */
    public enum Format {
        TXT, SRT, VTT, JSON;

        public String extension() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** The format for a file name's extension; TXT when unknown. */
        public static Format forFileName(String name) {
            String n = name.toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (n.endsWith("." + f.extension())) {
                    return f;
                }
            }
            return TXT;
        }

        /**
         * The file to write: as typed when it ends in a known extension, else with the chosen filter's extension
         * added ("notes" under the VTT filter → "notes.vtt"), so the format and the name never disagree.
         */
        public static java.nio.file.Path withExtension(java.nio.file.Path typed, Format chosen) {
            String n = typed.getFileName().toString().toLowerCase(Locale.ROOT);
            for (Format f : values()) {
                if (n.endsWith("." + f.extension())) {
                    return typed;
                }
            }
            return typed.resolveSibling(typed.getFileName() + "." + (chosen == null ? TXT : chosen).extension());
        }
    }

    private TranscriptExport() {
    }

    public static String format(Format f, List<Utterance> finals, Map<Integer, Translation> translations) {
        StringBuilder sb = new StringBuilder();
        switch (f) {
            case TXT -> finals.forEach(u -> {
                if (u.speaker() != null) {
                    sb.append(u.speaker()).append(": ");
                }
                sb.append(u.text()).append('\n');
                Translation t = translations.get(u.id());
                if (t != null) {
                    sb.append("  ").append(t.target()).append('\n');
                }
            });
            case SRT, VTT -> {
                if (f == Format.VTT) {
                    sb.append("WEBVTT\n\n");
                }
                int n = 1;
                for (Utterance u : finals) {
                    if (f == Format.SRT) {
                        sb.append(n).append('\n');
                    }
                    n++;
                    sb.append(time(u.start(), f)).append(" --> ").append(time(u.end(), f)).append('\n');
                    if (u.speaker() != null) {
                        // WebVTT voice span; SRT has no voice tag, so the usual "Name: " prefix
                        sb.append(f == Format.VTT ? "<v " + vttVoice(u.speaker()) + ">" : u.speaker() + ": ");
                    }
                    sb.append(u.text()).append('\n');
                    Translation t = translations.get(u.id());
                    if (t != null) {
                        sb.append(t.target()).append('\n');
                    }
                    sb.append('\n');
                }
            }
            case JSON -> {
                var mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
                ArrayNode arr = mapper.createArrayNode();
                for (Utterance u : finals) {
                    ObjectNode o = arr.addObject();
                    o.put("utterance", u.id());
                    o.put("start", u.start());
                    o.put("end", u.end());
                    o.put("text", u.text());
                    if (u.speaker() != null) {
                        o.put("speaker", u.speaker());
                    }
                    o.put("confidence", u.confidence());
                    ArrayNode words = o.putArray("words");
                    u.words().forEach(w -> words.addObject().put("word", w.word()).put("start", w.start())
                            .put("end", w.end()).put("conf", w.conf()));
                    Translation t = translations.get(u.id());
                    if (t != null) {
                        o.putObject("translation").put("pair", t.pair()).put("text", t.target());
                    }
                }
                try {
                    sb.append(mapper.writeValueAsString(arr)).append('\n');
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            default -> throw new IllegalArgumentException(f.toString());
        }
        return sb.toString();
    }

    /** A voice name safe inside a WebVTT {@code <v …>} tag (no '>', '<', '&' or line breaks). */
    static String vttVoice(String name) {
        return name.replaceAll("[<>&\\r\\n]", " ").strip();
    }

    /** {@code 00:01:02,345} (SRT) or {@code 00:01:02.345} (VTT). */
    static String time(double seconds, Format f) {
        long ms = Math.max(0, Math.round(seconds * 1000));
        return String.format(Locale.ROOT, "%02d:%02d:%02d%s%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                f == Format.SRT ? "," : ".", ms % 1000);
    }
}
