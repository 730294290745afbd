package dev.attend.app.session;

import dev.attend.translate.ApertiumInstall;
import dev.attend.translate.CachingTranslator;
import dev.attend.translate.TranslationTap;
import dev.attend.translate.TranslatorUnavailableException;

/** Adds the translation stage to a session's event bus when {@link FeatureOptions#translationPair()} is set. */
final class TranslationWiring {

    /** Media seconds between two translations of one utterance's growing partial transcript. */
    static final double PARTIAL_INTERVAL = 0.5;
    static final int CACHE_SIZE = 512;

    private TranslationWiring() {
    }

    /**
     * The translation stage, or null without a pair. The stage owns its translator (the pipeline closes it with the
     * session); Apertium starts with the session, not here.
     *
     * @throws IllegalArgumentException when Apertium or the pair is not installed (the message names the package)
     */
    static TranslationTap stageFor(FeatureOptions features) {
        String pair = features.translationPair();
        if (pair == null) {
            return null;
        }
        try {
            CachingTranslator translator = new CachingTranslator(ApertiumInstall.detect().open(pair), CACHE_SIZE);
            return new TranslationTap(translator, PARTIAL_INTERVAL);
        } catch (TranslatorUnavailableException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
