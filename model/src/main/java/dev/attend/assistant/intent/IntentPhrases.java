package dev.attend.assistant.intent;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The example phrases per intent, from a plain UTF-8 file users may edit: one {@code intent: phrase} per line,
 * {@code #} starts a comment, blank lines are ignored. New intent names are allowed (a skill must be registered for
 * them to do anything).
 */
public record IntentPhrases(Map<String, List<String>> byIntent) {

    public static final String BUNDLED = "/dev/attend/assistant/intents.txt";

    public IntentPhrases {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        byIntent.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        byIntent = java.util.Collections.unmodifiableMap(copy);
    }

    /** The phrase file shipped with Attend. */
    public static IntentPhrases bundled() {
        try (InputStream in = IntentPhrases.class.getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("bundled intent phrases missing: " + BUNDLED);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), BUNDLED);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + BUNDLED, e);
        }
    }

    /** @throws IllegalArgumentException naming the file and line of a malformed line */
    public static IntentPhrases read(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    public static IntentPhrases parse(String content, String where) {
        Map<String, List<String>> map = new LinkedHashMap<>();
        String[] lines = content.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int colon = line.indexOf(':');
            String intent = colon < 0 ? "" : line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            String phrase = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (!intent.matches("[a-z][a-z0-9_]*") || phrase.isEmpty()) {
                throw new IllegalArgumentException(where + " line " + (i + 1) + ": expected 'intent: example phrase' "
                        + "(intent in lower case letters, digits and _), got '" + line + "'");
            }
            map.computeIfAbsent(intent, k -> new ArrayList<>()).add(phrase);
        }
        if (map.isEmpty()) {
            throw new IllegalArgumentException(where + ": no 'intent: phrase' lines");
        }
        return new IntentPhrases(map);
    }

    public int size() {
        return byIntent.values().stream().mapToInt(List::size).sum();
    }
}
