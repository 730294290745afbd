package dev.attend.app.session;

import dev.attend.event.EventSink;
import dev.attend.translate.ApertiumInstall;
import dev.attend.translate.CachingTranslator;
import dev.attend.translate.TranslationTap;
import dev.attend.translate.TranslatorUnavailableException;
import java.time.Duration;

/** Puts the translation tap in front of a session's events when {@link FeatureOptions#translationPair()} is set. */
final class TranslationWiring {

    /** Media seconds between two translations of one utterance's growing partial transcript. */
    static final double PARTIAL_INTERVAL = 0.5;
    static final int CACHE_SIZE = 512;

    private TranslationWiring() {
    }

    /**
     * The sink the session should emit to. The tap owns its translator and closes it once it has forwarded
     * {@code session.end}; Apertium starts with the session, not here.
     *
     * @throws IllegalArgumentException when Apertium or the pair is not installed (the message names the package)
     */
    static EventSink wrap(FeatureOptions features, EventSink events) {
        String pair = features.translationPair();
        if (pair == null) {
            return events;
        }
        try {
            CachingTranslator translator = new CachingTranslator(ApertiumInstall.detect().open(pair), CACHE_SIZE);
            return new TranslationTap(translator, events, PARTIAL_INTERVAL, Duration.ofSeconds(60), true);
        } catch (TranslatorUnavailableException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }
}
