package dev.attend.ui.shell;

import dev.attend.ui.i18n.I18n;
import dev.attend.ui.session.MediaProgress;
import dev.attend.ui.session.SessionViewModel;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/**
 * Under the previews while a file plays: position / duration and a slider to seek (release or click to jump);
 * when the file is transcribed as fast as possible, a progress bar with the share done and the time left instead.
 * Hidden for devices and for sessions of unknown length.
 */
public final class MediaProgressBar extends HBox {

    private final Slider slider = new Slider(0, 1, 0);
    private final ProgressBar progress = new ProgressBar(0);
    private final Label time = new Label();
    private final Label eta = new Label();

    public MediaProgressBar(MediaProgress p, SessionViewModel session, I18n i18n) {
        super(6);
        setId("mediaProgress");
        slider.setId("seekSlider");
        progress.setId("fastProgress");
        time.setId("mediaTime");
        eta.setId("fastEta");
        time.setMinWidth(USE_PREF_SIZE);
        eta.setMinWidth(USE_PREF_SIZE);
        slider.maxProperty().bind(Bindings.createDoubleBinding(() -> p.durationProperty().get() > 0
                ? p.durationProperty().get() : 1, p.durationProperty()));
        p.positionProperty().addListener((o, a, b) -> {
            if (!slider.isValueChanging()) {
                slider.setValue(b.doubleValue());
            }
        });
        // a drag seeks where it is released; a click on the track seeks at once
        slider.valueChangingProperty().addListener((o, was, now) -> {
            if (was && !now) {
                seek(p, session, slider.getValue());
            }
        });
        slider.setOnMouseReleased(e -> {
            if (!slider.isValueChanging()) {
                seek(p, session, slider.getValue());
            }
        });
        slider.disableProperty().bind(session.seekableProperty().not()
                .or(session.stateProperty().isEqualTo(SessionViewModel.State.STARTING)));
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(i18n.text("progress.seekTip"));
        slider.setTooltip(tip);
        progress.progressProperty().bind(Bindings.createDoubleBinding(() -> p.durationProperty().get() > 0
                ? p.positionProperty().get() / p.durationProperty().get() : 0,
                p.positionProperty(), p.durationProperty()));
        time.textProperty().bind(Bindings.createStringBinding(() -> MediaProgress.clock(p.positionProperty().get())
                + " / " + MediaProgress.clock(p.durationProperty().get()), p.positionProperty(),
                p.durationProperty()));
        eta.textProperty().bind(Bindings.createStringBinding(() -> etaText(i18n, p.positionProperty().get(),
                p.durationProperty().get(), p.etaProperty().get()), p.positionProperty(), p.durationProperty(),
                p.etaProperty(), i18n.localeProperty()));
        HBox.setHgrow(slider, Priority.ALWAYS);
        HBox.setHgrow(progress, Priority.ALWAYS);
        progress.setMaxWidth(Double.MAX_VALUE);
        slider.visibleProperty().bind(p.fastProperty().not());
        slider.managedProperty().bind(slider.visibleProperty());
        progress.visibleProperty().bind(p.fastProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        eta.visibleProperty().bind(p.fastProperty());
        eta.managedProperty().bind(eta.visibleProperty());
        getChildren().addAll(time, slider, progress, eta);
        setAlignment(Pos.CENTER_LEFT);
        visibleProperty().bind(p.activeProperty());
        managedProperty().bind(visibleProperty());
    }

    private static void seek(MediaProgress p, SessionViewModel session, double t) {
        if (!session.seekableProperty().get() || Math.abs(t - p.positionProperty().get()) < 0.25) {
            return; // a click on the thumb is not a seek
        }
        p.seekTo(t);
        session.seek(t);
    }

    /** "47 % · about 0:12 left", "47 %" while the rate is not known yet, "100 %" at the end. */
    static String etaText(I18n i18n, double position, double duration, double etaSeconds) {
        int pct = duration > 0 ? (int) Math.floor(100 * Math.min(1, position / duration)) : 0;
        String share = String.format(Locale.ROOT, "%d %%", pct);
        if (Double.isNaN(etaSeconds) || pct >= 100) {
            return share;
        }
        return i18n.get("progress.eta", share, MediaProgress.clock(Math.ceil(etaSeconds)));
    }

    public Slider slider() {
        return slider;
    }
}
