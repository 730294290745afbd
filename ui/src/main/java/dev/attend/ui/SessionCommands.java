package dev.attend.ui;

import dev.attend.ui.i18n.I18n;
import dev.attend.ui.session.SessionRequest;
import dev.attend.ui.session.SessionViewModel;
import dev.attend.ui.settings.Settings;
import dev.attend.ui.shell.Notifications;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The main window's session commands: first start, Start, Replay, a chosen media file; asks before clearing. */
final class SessionCommands {

    private static final Logger LOG = LoggerFactory.getLogger(SessionCommands.class);

    private final MainViewModel vm;
    private BooleanSupplier hasDevices = () -> !dev.attend.audio.AudioDevices.inputs().isEmpty();
    private MainViewModel.Ui ui = new MainViewModel.Ui() {
        @Override
        public boolean confirm(String title, String message, String okLabel) {
            return true;
        }

        @Override
        public void chooseMediaFileAndStart() {
        }
    };

    SessionCommands(MainViewModel vm) {
        this.vm = vm;
    }

    void setUi(MainViewModel.Ui ui) {
        this.ui = ui;
    }

    void setHasDevices(BooleanSupplier s) {
        this.hasDevices = s;
    }

    /** First start: live devices when there is a microphone; otherwise the demo clip with a one-line welcome. */
    void firstStart() {
        SessionViewModel session = vm.session();
        vm.tasks().run(() -> hasDevices.getAsBoolean(), mic -> {
            if (session.stateProperty().get() != SessionViewModel.State.IDLE) {
                return;
            }
            if (mic) {
                session.sourceProperty().set(SessionRequest.Source.DEVICES);
            } else if (!"false".equals(System.getProperty("attend.demo.autostart"))) {
                session.sourceProperty().set(SessionRequest.Source.DEMO);
                startSession();
                vm.notices().info(vm.i18n().get("notice.welcome"));
            }
        }, e -> LOG.warn("device check failed: {}", e.toString()));
    }

    /** Start: asks before earlier work is cleared; with no devices offers the demo or a file instead. */
    void startSession() {
        SessionViewModel session = vm.session();
        if (session.stateProperty().get() != SessionViewModel.State.IDLE) {
            return;
        }
        SessionRequest.Source src = session.sourceProperty().get();
        Path file = session.fileProperty().get();
        if (src == SessionRequest.Source.FILE && file == null) {
            ui.chooseMediaFileAndStart();
            return;
        }
        Settings s = vm.settings();
        I18n i18n = vm.i18n();
        if (src == SessionRequest.Source.DEVICES && s.camera().isBlank() && !hasDevices.getAsBoolean()) {
            vm.notices().warn(i18n.get("notice.noDevices"),
                    new Notifications.Action(i18n.get("notice.playDemo"), () -> {
                        session.sourceProperty().set(SessionRequest.Source.DEMO);
                        startSession();
                    }),
                    new Notifications.Action(i18n.get("session.openFile"), ui::chooseMediaFileAndStart));
            return;
        }
        if (!confirmClear()) {
            return;
        }
        List<String> wake = s.wakeWord().isBlank() ? List.of() : List.of(s.wakeWord());
        String pair = vm.translation().selectedPairProperty().get();
        vm.notices().dismiss();
        session.start(new SessionRequest(src, s.mic(), s.camera(), file, !s.fast(),
                pair == null || pair.isBlank() ? null : pair, wake, s.wakeThreshold(), s.fusion()));
        vm.saveSettings(s.withSource(src.name().toLowerCase(Locale.ROOT)));
    }

    /** Replays an events file, after asking before earlier work is cleared. */
    void replay(Path events) {
        if (confirmClear()) {
            vm.notices().dismiss();
            vm.session().replay(events, true);
        }
    }

    /** A media file chosen (file dialog or drag-and-drop): remembered, selected as the source. */
    void useMediaFile(Path f) {
        SessionViewModel session = vm.session();
        session.fileProperty().set(f);
        session.sourceProperty().set(null);
        session.sourceProperty().set(SessionRequest.Source.FILE);
        vm.saveSettings(vm.settings().withLastMediaFile(f.toAbsolutePath().toString()));
    }

    private boolean confirmClear() {
        int rows = vm.transcript().utterances().size();
        boolean typedMaps = vm.attention().counts().values().stream().mapToInt(Integer::intValue).sum() > 0;
        if (rows == 0 && !typedMaps) {
            return true;
        }
        I18n i18n = vm.i18n();
        return ui.confirm(i18n.get("confirm.newSession.title"), i18n.get("confirm.newSession", rows),
                i18n.get("confirm.newSession.ok"));
    }
}
