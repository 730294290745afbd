package dev.attend.assistant.slots;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Language names in commands ("spanish", "into french") and their Apertium (ISO 639-3) codes. */
public final class Languages {

    private static final Map<String, String> CODES = new LinkedHashMap<>();

    static {
        CODES.put("english", "eng");
        CODES.put("spanish", "spa");
        CODES.put("catalan", "cat");
        CODES.put("french", "fra");
        CODES.put("portuguese", "por");
        CODES.put("italian", "ita");
        CODES.put("galician", "glg");
        CODES.put("esperanto", "epo");
        CODES.put("german", "deu");
        CODES.put("basque", "eus");
        CODES.put("occitan", "oci");
        CODES.put("romanian", "ron");
    }

    private Languages() {
    }

    /** The code for a language name, or null. */
    public static String code(String name) {
        return CODES.get(name.toLowerCase(Locale.ROOT));
    }

    /** The English name of a code, or the code itself. */
    public static String name(String code) {
        return CODES.entrySet().stream().filter(e -> e.getValue().equals(code)).map(Map.Entry::getKey)
                .findFirst().map(n -> Character.toUpperCase(n.charAt(0)) + n.substring(1)).orElse(code);
    }
}
