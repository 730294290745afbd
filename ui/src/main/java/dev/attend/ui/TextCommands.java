package dev.attend.ui;

import dev.attend.event.EventSink;
import dev.attend.event.TypedTextEvent;
import dev.attend.pipeline.TypedTextSource;
import dev.attend.ui.attention.AttentionViewModel;
import dev.attend.ui.transcript.TranscriptExport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The main window's text commands. A typed sentence is a {@code text.typed} event of the app's one
 * {@link TypedTextSource}: published into the running session (its events file, history and bus stages see it,
 * and the bridge shows it) or, with none running, straight to the bridge. Its two text stages (MiniLM attention,
 * Apertium translation) run on the task executor and answer under the event's id, on the same path.
 */
final class TextCommands {

    private final MainViewModel vm;
    private final TypedTextSource typed = new TypedTextSource();

    TextCommands(MainViewModel vm) {
        this.vm = vm;
    }

    /** The lab's sentence: a {@code text.typed} event (origin lab), then MiniLM's attention off the UI thread. */
    void analyzeTyped(String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        EventSink out = vm.session().input();
        TypedTextEvent e = typed.submit(text, vm.media().mediaTime(), TypedTextEvent.LAB, out);
        AttentionViewModel attention = vm.attention();
        attention.analyzingProperty().set(true);
        attention.analysisMessageProperty().set(vm.i18n().get("attention.analyzing"));
        vm.tasks().run(() -> vm.services().textAttention().analyze(e.text(), e.utterance(), out), n -> {
            attention.analyzingProperty().set(false);
            attention.analysisMessageProperty().set("");
        }, ex -> {
            attention.analyzingProperty().set(false);
            attention.analysisMessageProperty().set(message(ex));
            vm.notices().error(message(ex), ex);
        });
    }

    /** The captions pane's sentence: a transcript row (from its event) whose translation fills the right side. */
    void translateTyped(String text) {
        String pair = vm.translation().selectedPairProperty().get();
        if (pair == null || pair.isBlank() || text == null || text.isBlank()) {
            return;
        }
        EventSink out = vm.session().input();
        TypedTextEvent e = typed.submit(text, vm.media().mediaTime(), TypedTextEvent.CAPTIONS, out);
        vm.tasks().run(() -> {
            vm.services().textTranslation().translate(pair, e.text(), e.utterance(), out);
            return pair;
        }, p -> { }, ex -> vm.notices().error(vm.i18n().get("notice.translateFailed", message(ex)), ex));
    }

    /** Writes the export off the UI thread; an empty transcript writes nothing and says so. */
    void exportTo(Path file) {
        TranscriptExport.Format format = TranscriptExport.Format.forFileName(file.getFileName().toString());
        var rows = vm.transcript().finals();
        if (rows.isEmpty()) {
            vm.notices().warn(vm.i18n().get("notice.exportEmpty"));
            return;
        }
        String text = TranscriptExport.format(format, rows, vm.translation().snapshot());
        vm.tasks().run(() -> Files.writeString(file, text, StandardCharsets.UTF_8),
                p -> vm.notices().success(vm.i18n().get("notice.exported", rows.size(), file.getFileName())),
                ex -> vm.notices().error(vm.i18n().get("notice.exportFailed", file, message(ex)), ex));
    }

    static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
