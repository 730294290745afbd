package dev.attend.ui.translation;

import java.util.List;

/** Port: which translation pairs (e.g. {@code eng-spa}) this machine can translate. */
public interface TranslationPairs {

    List<String> pairs();

    /** Why the list is empty, or "" when it is not. */
    default String unavailableReason() {
        return "";
    }

    static TranslationPairs unavailable() {
        return new TranslationPairs() {
            @Override
            public List<String> pairs() {
                return List.of();
            }

            @Override
            public String unavailableReason() {
                return "translation is not available in this build";
            }
        };
    }
}
