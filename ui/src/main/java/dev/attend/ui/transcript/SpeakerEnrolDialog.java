package dev.attend.ui.transcript;

import dev.attend.ui.i18n.I18n;
import java.io.IOException;
import javafx.scene.control.Alert;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TextInputDialog;

/** The speaker tag's menu in the captions: rename a speaker label, or "This is me" (enrol that voice). */
final class SpeakerEnrolDialog {

    private SpeakerEnrolDialog() {
    }

    static ContextMenu menu(TranscriptViewModel transcript, I18n i18n, String label) {
        MenuItem rename = new MenuItem(i18n.get("captions.renameSpeakerItem"));
        rename.setId("speaker-rename");
        rename.setOnAction(e -> {
            TextInputDialog d = new TextInputDialog(transcript.speakerName(label));
            d.setTitle(i18n.get("captions.renameSpeaker"));
            d.setHeaderText(null);
            d.setContentText(i18n.get("captions.speakerName"));
            d.showAndWait().ifPresent(n -> transcript.renameSpeaker(label, n));
        });
        MenuItem me = new MenuItem(i18n.get("captions.thisIsMe"));
        me.setId("speaker-this-is-me");
        me.setDisable(!transcript.canEnroll(label));
        me.setOnAction(e -> enrol(transcript, i18n, label));
        return new ContextMenu(rename, me);
    }

    /** Asks for the name (the shown name unless it is an automatic label), enrols, and says how it went. */
    private static void enrol(TranscriptViewModel transcript, I18n i18n, String label) {
        String shown = transcript.speakerName(label);
        TextInputDialog d = new TextInputDialog(shown.equals(label) ? "" : shown);
        d.setTitle(i18n.get("captions.thisIsMeTitle"));
        d.setHeaderText(i18n.get("captions.enrolHeader", transcript.enrollableUtterances(label)));
        d.setContentText(i18n.get("captions.enrolName"));
        d.getEditor().setId("speaker-enrol-name");
        d.showAndWait().ifPresent(name -> {
            try {
                var p = transcript.enrollSpeaker(label, name);
                info(Alert.AlertType.INFORMATION, i18n.get("captions.thisIsMeTitle"),
                        i18n.get("captions.enrolled", p.name(), p.utterances()));
            } catch (IllegalArgumentException | IllegalStateException | IOException ex) {
                info(Alert.AlertType.ERROR, i18n.get("captions.enrolFailed"), ex.getMessage());
            }
        });
    }

    private static void info(Alert.AlertType type, String header, String text) {
        Alert a = new Alert(type, text);
        a.setHeaderText(header);
        a.getDialogPane().setId("speaker-enrol-result");
        a.showAndWait();
    }
}
