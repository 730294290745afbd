package dev.attend.ui;

import dev.attend.media.AudioChunk;
import dev.attend.media.VideoFrame;
import dev.attend.pipeline.Stage;
import dev.attend.ui.attention.AttentionViewModel;
import dev.attend.ui.media.AudioPreviewBuffer;
import dev.attend.ui.media.AudioPreviewStage;
import dev.attend.ui.media.MediaViewModel;
import dev.attend.ui.media.PreviewFrame;
import dev.attend.ui.media.VideoPreviewStage;
import dev.attend.ui.session.MediaProgress;
import dev.attend.ui.session.SessionViewModel;
import dev.attend.ui.transcript.TranscriptViewModel;
import dev.attend.ui.translation.TranslationViewModel;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The session's previews (newest video frame, audio strip, face box, file progress) and what a new session or a
 * seek leaves of the views: a new session clears them, a seek keeps the transcript and its translations.
 */
final class SessionViews {

    private final AtomicReference<PreviewFrame> latestFrame = new AtomicReference<>();
    private final AudioPreviewBuffer audioBuffer = new AudioPreviewBuffer();
    private final MediaViewModel media = new MediaViewModel();
    private final MediaProgress progress = new MediaProgress();
    private final TranscriptViewModel transcript;
    private final TranslationViewModel translation;
    private final AttentionViewModel attention;
    private Runnable onNewSession = () -> { };

    SessionViews(TranscriptViewModel transcript, TranslationViewModel translation, AttentionViewModel attention) {
        this.transcript = transcript;
        this.translation = translation;
        this.attention = attention;
    }

    /** Runs when a session starts or seeks (the window resets its previews). */
    void setOnNewSession(Runnable r) {
        this.onNewSession = r;
    }

    /** Fresh preview stages for the next session. */
    SessionViewModel.Previews newPreviews() {
        List<Stage<AudioChunk>> a = List.of(new AudioPreviewStage(audioBuffer));
        List<Stage<VideoFrame>> v = List.of(new VideoPreviewStage(latestFrame));
        return new SessionViewModel.Previews(a, v);
    }

    /** A new session (or a failed start) leaves nothing of the old one on screen. */
    void reset() {
        latestFrame.set(null);
        audioBuffer.clear();
        media.reset();
        transcript.clearSession();
        translation.clear();
        if (!attention.frozenProperty().get()) {
            attention.clearSession();
        }
        onNewSession.run();
    }

    /** A seek keeps the transcript and its translations; the previews start again at the new position. */
    void seek() {
        audioBuffer.clear();
        transcript.continueAfterSeek();
        translation.continueAfterSeek();
        onNewSession.run();
    }

    AtomicReference<PreviewFrame> latestFrame() {
        return latestFrame;
    }

    AudioPreviewBuffer audioBuffer() {
        return audioBuffer;
    }

    MediaViewModel media() {
        return media;
    }

    MediaProgress progress() {
        return progress;
    }
}
