package dev.attend.app.gui;

import dev.attend.event.EventSink;
import dev.attend.translate.ApertiumInstall;
import dev.attend.translate.Translation;
import dev.attend.event.TranslationEvent;
import dev.attend.translate.Translator;
import dev.attend.translate.TranslatorUnavailableException;
import dev.attend.ui.translation.TextTranslation;

/**
 * The captions pane's typed-text translation: one Apertium run per sentence (started and stopped here, so no
 * engine process outlives the call), emitted as the {@code translation} event a session's tap would emit.
 */
public final class ApertiumTextTranslation implements TextTranslation {

    private final ApertiumInstall install;

    public ApertiumTextTranslation(ApertiumInstall install) {
        this.install = install;
    }

    @Override
    public void translate(String pair, String text, int utterance, EventSink events) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("type a sentence to translate");
        }
        Translation tr;
        try (Translator translator = install.open(pair)) {
            tr = translator.translate(text);
        } catch (TranslatorUnavailableException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
        events.emit(new TranslationEvent(0, utterance, pair, true, tr.source(), tr.target(), tr.unknownWords(),
                tr.latencyMs()));
    }
}
