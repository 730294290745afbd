package dev.attend.ui;

import dev.attend.ui.attention.AttentionViewModel;
import dev.attend.ui.transcript.TranscriptExport;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

/** The main window's text commands: typed sentences (attention, translation) and the transcript export. */
final class TextCommands {

    private final MainViewModel vm;
    private final AtomicInteger typedUtterance = new AtomicInteger();

    TextCommands(MainViewModel vm) {
        this.vm = vm;
    }

    /** Runs MiniLM on a typed sentence off the UI thread; its attention events take the bridge. */
    void analyzeTyped(String text) {
        int utterance = typedUtterance.decrementAndGet();
        AttentionViewModel attention = vm.attention();
        attention.analyzingProperty().set(true);
        attention.analysisMessageProperty().set(vm.i18n().get("attention.analyzing"));
        vm.tasks().run(() -> vm.services().textAttention().analyze(text, utterance, vm.bridge()), n -> {
            attention.analyzingProperty().set(false);
            attention.analysisMessageProperty().set("");
        }, e -> {
            attention.analyzingProperty().set(false);
            attention.analysisMessageProperty().set(message(e));
            vm.notices().error(message(e), e);
        });
    }

    /** A typed sentence becomes a transcript row at once; Apertium's translation fills its right side. */
    void translateTyped(String text) {
        String pair = vm.translation().selectedPairProperty().get();
        if (pair == null || pair.isBlank() || text.isBlank()) {
            return;
        }
        int utterance = typedUtterance.decrementAndGet();
        vm.transcript().addTyped(utterance, text.strip(), vm.media().mediaTime());
        vm.tasks().run(() -> {
            vm.services().textTranslation().translate(pair, text.strip(), utterance, vm.bridge());
            return pair;
        }, p -> { }, e -> vm.notices().error(vm.i18n().get("notice.translateFailed", message(e)), e));
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
                e -> vm.notices().error(vm.i18n().get("notice.exportFailed", file, message(e)), e));
    }

    static String message(Throwable e) {
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }
}
