package dev.attend.app.gui;

import dev.attend.asr.models.Cancellation;
import dev.attend.asr.models.DownloadCancelledException;
import dev.attend.asr.models.DownloadProgress;
import dev.attend.asr.models.FoundModel;
import dev.attend.asr.models.InstallListener;
import dev.attend.asr.models.ModelSource;
import dev.attend.asr.models.VoskModelCatalog;
import dev.attend.asr.models.VoskModelInfo;
import dev.attend.asr.models.VoskModelLocator;
import dev.attend.asr.models.VoskModelManager;
import dev.attend.concurrent.TaskExecutor;
import dev.attend.ui.models.ModelInfo;
import dev.attend.ui.models.ModelService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;

/**
 * The model manager's port over {@link VoskModelManager}: models found on this machine (Attend's own and the ones
 * discovered elsewhere), catalog models that can be downloaded, and the install/remove/use/import actions the CLI's
 * {@code attend models} offers. Calls block; the UI runs them on its task threads.
 */
public final class VoskModelService implements ModelService {

    private final VoskModelManager manager;
    private final Locale locale;

    private final TaskExecutor tasks;

    /** @param tasks the app's executor, which polls a download's cancel flag */
    public VoskModelService(VoskModelManager manager, Locale locale, TaskExecutor tasks) {
        this.manager = manager;
        this.locale = locale;
        this.tasks = tasks;
    }

    @Override
    public List<ModelInfo> installed() {
        VoskModelLocator locator = manager.locator();
        VoskModelCatalog catalog = locator.catalog();
        List<FoundModel> found = new ArrayList<>(locator.discover());
        Optional<FoundModel> def = locator.defaultModel();
        if (def.isPresent() && found.stream().noneMatch(m -> m.dir().equals(def.get().dir()))) {
            found.add(0, def.get()); // a folder chosen with 'use' that lies outside the searched places
        }
        return found.stream().map(m -> {
            Optional<VoskModelInfo> info = catalog.find(m.name());
            long size = m.source() == ModelSource.ATTEND || info.isEmpty() ? du(m.dir()) : info.get().size();
            return new ModelInfo(m.name(), language(m.lang(), info.map(VoskModelInfo::langText).orElse("")), size,
                    true, def.isPresent() && def.get().dir().equals(m.dir()));
        }).toList();
    }

    /** Current catalog models that are not on this machine: the system language's first, small ones first. */
    @Override
    public List<ModelInfo> available() {
        VoskModelLocator locator = manager.locator();
        List<String> have = locator.discover().stream().map(FoundModel::name).toList();
        String lang = VoskModelLocator.systemLang(locale);
        VoskModelCatalog catalog = locator.catalog();
        return catalog.models().stream()
                .filter(m -> !m.obsolete() && !have.contains(m.name()))
                .sorted(Comparator.comparing((VoskModelInfo m) -> !m.lang().equalsIgnoreCase(lang))
                        .thenComparing(VoskModelInfo::lang).thenComparing(m -> !m.isSmall())
                        .thenComparing(VoskModelInfo::name))
                .map(m -> new ModelInfo(m.name(), language(m.lang(), m.langText()), m.size(), false, false,
                        catalog.recommended(m.lang()).map(r -> r.name().equals(m.name())).orElse(false)))
                .toList();
    }

    @Override
    public boolean builtInList() {
        return manager.locator().catalog().isBuiltIn();
    }

    @Override
    public Path folder() {
        return manager.locator().installRoot();
    }

    /**
     * Downloads, verifies and installs; {@code cancelled} is polled every 100 ms so even a stalled connection stops
     * promptly. A cancelled download leaves nothing behind (its partial file is deleted).
     */
    @Override
    public ModelInfo download(ModelInfo model, Progress progress, BooleanSupplier cancelled) throws IOException {
        Cancellation cancel = new Cancellation();
        TaskExecutor.Scheduled watch = tasks.scheduleWithFixedDelay(() -> {
            if (cancelled.getAsBoolean()) {
                cancel.cancel();
            }
        }, Duration.ZERO, Duration.ofMillis(100));
        try {
            manager.install(model.name(), new InstallListener() {
                @Override
                public void onProgress(DownloadProgress p) {
                    progress.update(p.bytesDone(), p.bytesTotal());
                }
            }, cancel);
        } catch (DownloadCancelledException e) {
            Files.deleteIfExists(manager.partFile(model.name()));
            CancellationException c = new CancellationException("download of " + model.name() + " cancelled");
            c.initCause(e);
            throw c;
        } finally {
            watch.cancel();
        }
        return installed().stream().filter(m -> m.name().equals(model.name())).findFirst()
                .orElseThrow(() -> new IOException(model.name() + " was installed but is not found among the "
                        + "installed models"));
    }

    @Override
    public void remove(ModelInfo model) throws IOException {
        manager.remove(model.name());
    }

    @Override
    public void use(ModelInfo model) throws IOException {
        manager.use(model.name());
    }

    @Override
    public ModelInfo importFolder(Path folder) throws IOException {
        Path dir = manager.importDir(folder, null);
        String name = dir.getFileName().toString();
        return installed().stream().filter(m -> m.name().equals(name)).findFirst()
                .orElse(new ModelInfo(name, "", du(dir), true, false));
    }

    @Override
    public boolean hasModel() {
        return manager.locator().defaultModel().isPresent();
    }

    private static String language(String code, String text) {
        if (code == null || code.isBlank()) {
            return "?";
        }
        return text == null || text.isBlank() ? code : code + " (" + text + ")";
    }

    /** Bytes on disk of a model folder; 0 when it cannot be read. */
    static long du(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    return 0;
                }
            }).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }
}
