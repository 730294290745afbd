package dev.attend.ui.models;

import dev.attend.ui.bridge.UiTasks;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Model manager state: installed and available models, one download at a time with progress and cancel, and
 * the last message. All service calls run through {@link UiTasks}, never on the UI thread.
 */
public final class ModelManagerViewModel {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelManagerViewModel.class);
    private final ModelService service;
    private final UiTasks tasks;
    private final dev.attend.ui.i18n.I18n i18n;
    private final ObservableList<ModelInfo> installed = FXCollections.observableArrayList();
    private final ObservableList<ModelInfo> available = FXCollections.observableArrayList();
    private final DoubleProperty progress = new SimpleDoubleProperty(0);
    private final BooleanProperty downloading = new SimpleBooleanProperty();
    private final StringProperty message = new SimpleStringProperty("");
    /** "12 MB of 48 MB · 2.1 MB/s · about 0:17 left" while downloading, else "". */
    private final StringProperty rate = new SimpleStringProperty("");
    /** "Installed models use 48 MB" (or nothing installed). */
    private final StringProperty diskUsage = new SimpleStringProperty("");
    private final BooleanProperty builtInList = new SimpleBooleanProperty();
    private java.util.function.LongSupplier nanos = System::nanoTime;
    private java.util.function.Consumer<Path> folderOpener = FolderOpener::open;
    private final AtomicBoolean cancel = new AtomicBoolean();
    private Runnable onInstalledChanged = () -> { };

    public ModelManagerViewModel(ModelService service, UiTasks tasks) {
        this(service, tasks, new dev.attend.ui.i18n.I18n(dev.attend.ui.i18n.I18n.ENGLISH));
    }

    public ModelManagerViewModel(ModelService service, UiTasks tasks, dev.attend.ui.i18n.I18n i18n) {
        this.service = service;
        this.tasks = tasks;
        this.i18n = i18n;
        if (!service.unavailableReason().isEmpty()) {
            message.set(i18n.get("models.unavailable"));
        }
    }

    /** Called after installs/removals (the transcript pane re-checks whether a model exists). */
    public void setOnInstalledChanged(Runnable r) {
        onInstalledChanged = r;
    }

    /** For tests: the clock the download speed is measured with, and what "open models folder" does. */
    void setClockAndOpener(java.util.function.LongSupplier nanos, java.util.function.Consumer<Path> opener) {
        this.nanos = nanos;
        this.folderOpener = opener;
    }

    public void refresh() {
        tasks.run(() -> List.of(service.installed(), service.available(), List.of(service.builtInList())), lists -> {
            installed.setAll(cast(lists.get(0)));
            available.setAll(cast(lists.get(1)));
            builtInList.set(Boolean.TRUE.equals(lists.get(2).get(0)));
            long bytes = installed.stream().mapToLong(m -> Math.max(0, m.sizeBytes())).sum();
            diskUsage.set(installed.isEmpty() ? "" : i18n.get("models.diskUsage",
                    new ModelInfo("", "", bytes, true, false).sizeText(), installed.size()));
        }, this::fail);
    }

    @SuppressWarnings("unchecked")
    private static List<ModelInfo> cast(List<?> l) {
        return (List<ModelInfo>) l;
    }

    /** Opens Attend's models folder in the system's file manager (created first, so there is one to open). */
    public void openFolder() {
        tasks.run(() -> {
            Path f = service.folder();
            if (f == null) {
                throw new IllegalStateException(i18n.get("models.unavailable"));
            }
            java.nio.file.Files.createDirectories(f);
            folderOpener.accept(f);
            return f;
        }, f -> message.set(i18n.get("models.msg.opened", f)), this::fail);
    }

    /** Progress text with speed and time left. */
    static String rateText(dev.attend.ui.i18n.I18n i18n, long done, long total, double bytesPerSecond,
                           double secondsLeft) {
        String got = new ModelInfo("", "", done, false, false).sizeText();
        String of = total > 0 ? i18n.get("models.rate.of", got, new ModelInfo("", "", total, false, false)
                .sizeText()) : got;
        if (Double.isNaN(bytesPerSecond)) {
            return of;
        }
        String speed = DownloadRate.speedText(bytesPerSecond);
        return Double.isNaN(secondsLeft) ? of + " · " + speed
                : i18n.get("models.rate.left", of, speed, DownloadRate.clock(secondsLeft));
    }

    public void download(ModelInfo m) {
        if (m == null || downloading.get()) {
            return;
        }
        cancel.set(false);
        downloading.set(true);
        progress.set(0);
        message.set("");
        rate.set("");
        DownloadRate r = new DownloadRate();
        tasks.run(() -> service.download(m, (done, total) -> {
            double p = total > 0 ? (double) done / total : -1; // -1: indeterminate
            double bps = r.update(done, nanos.getAsLong());
            String text = rateText(i18n, done, total, bps, r.secondsLeft(done, total));
            tasks.onUi(() -> {
                progress.set(p);
                rate.set(text);
            });
        }, cancel::get), done -> {
            downloading.set(false);
            rate.set("");
            progress.set(1);
            message.set(i18n.get("models.msg.installed", done.name()));
            refresh();
            onInstalledChanged.run();
        }, e -> {
            downloading.set(false);
            progress.set(0);
            rate.set("");
            if (e instanceof CancellationException) {
                message.set(i18n.get("models.msg.cancelled"));
            } else {
                fail(e);
            }
        });
    }

    public void cancel() {
        cancel.set(true);
    }

    public void remove(ModelInfo m) {
        if (m != null) {
            tasks.run(() -> {
                service.remove(m);
                return m;
            }, x -> {
                message.set(i18n.get("models.msg.removed", x.name()));
                refresh();
                onInstalledChanged.run();
            }, this::fail);
        }
    }

    public void use(ModelInfo m) {
        if (m != null) {
            tasks.run(() -> {
                service.use(m);
                return m;
            }, x -> {
                message.set(i18n.get("models.msg.using", x.name()));
                refresh();
            }, this::fail);
        }
    }

    public void importFolder(Path folder) {
        tasks.run(() -> service.importFolder(folder), x -> {
            message.set(i18n.get("models.msg.imported", x.name()));
            refresh();
            onInstalledChanged.run();
        }, this::fail);
    }

    /** A clear message for the dialog, and the cause in the log (a raw exception name helps nobody). */
    private void fail(Throwable e) {
        String m = describe(e, i18n);
        LOG.warn("model manager: {} ({})", m, e.toString());
        message.set(m);
    }

    /** Network failures say that the machine seems offline; others keep their own message. */
    static String describe(Throwable e, dev.attend.ui.i18n.I18n i18n) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof java.net.ConnectException || c instanceof java.net.UnknownHostException
                    || c instanceof java.net.NoRouteToHostException
                    || c instanceof java.net.http.HttpConnectTimeoutException) {
                return i18n.get("models.msg.offline");
            }
        }
        return e.getMessage() != null ? e.getMessage() : e.toString();
    }

    public ObservableList<ModelInfo> installed() {
        return installed;
    }

    public ObservableList<ModelInfo> available() {
        return available;
    }

    /** 0..1, or −1 while the total size is unknown. */
    public DoubleProperty progressProperty() {
        return progress;
    }

    public BooleanProperty downloadingProperty() {
        return downloading;
    }

    public StringProperty messageProperty() {
        return message;
    }

    public StringProperty rateProperty() {
        return rate;
    }

    public StringProperty diskUsageProperty() {
        return diskUsage;
    }

    /** True when the available list is Attend's built-in copy (the dialog says so). */
    public BooleanProperty builtInListProperty() {
        return builtInList;
    }
}
