package dev.attend.translate;

import dev.attend.session.SessionAssembly;
import dev.attend.session.SessionFeature;

/**
 * Offline translation of the transcript with an installed Apertium pair.
 *
 * @param pair            Apertium direction, e.g. {@code eng-spa}
 * @param partialInterval media seconds between two translations of one utterance's growing partial transcript
 * @param cacheSize       translations kept for repeated sentences
 */
public record TranslationFeature(String pair, double partialInterval, int cacheSize) implements SessionFeature {

    public TranslationFeature {
        if (pair == null || pair.isBlank()) {
            throw new IllegalArgumentException("a translation pair such as eng-spa is needed");
        }
    }

    /** The pair with a partial translation at most every 0.5 s and 512 cached sentences. */
    public static TranslationFeature of(String pair) {
        return new TranslationFeature(pair, 0.5, 512);
    }

    @Override
    public String name() {
        return TranslationTap.NAME;
    }

    /** @throws IllegalArgumentException when Apertium or the pair is not installed (the message names the package) */
    @Override
    public void contribute(SessionAssembly session) {
        try {
            CachingTranslator translator = new CachingTranslator(ApertiumInstall.detect().open(pair), cacheSize);
            new TranslationTap(translator, partialInterval).addTo(session.pipeline()); // closed with the session
        } catch (TranslatorUnavailableException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
