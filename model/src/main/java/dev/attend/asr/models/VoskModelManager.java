package dev.attend.asr.models;

import dev.attend.concurrent.TaskExecutor;
import dev.attend.config.AppDirs;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs, imports and removes Vosk models in {@code <data>/models/vosk}, and refreshes the catalog. Every change
 * is built in a hidden temporary folder beside its final place and moved there in one step, so a failed or
 * cancelled install never leaves a half model that discovery would pick up. Downloads stay in
 * {@code <cache>/downloads/NAME.zip.part} until complete, so a cut or cancelled download resumes.
 */
public final class VoskModelManager {

    private static final Logger LOG = LoggerFactory.getLogger(VoskModelManager.class);

    private final AppDirs dirs;
    private final ModelEnvironment env;
    private HttpClient http;
    private final URI catalogUrl;
    private final ExtractionLimits limits;
    private final TaskExecutor tasks;
    private volatile boolean allowHttp;
    private volatile Duration headerTimeout = ModelDownloader.DEFAULT_HEADER_TIMEOUT;

    /** Largest model list accepted by {@link #refreshCatalog()}. */
    public static final long LIST_LIMIT = 4L << 20;

    /**
     * @param http       the client for downloads; null = a default one, made on the first download (listing,
     *                   importing and removing never touch the network)
     * @param catalogUrl where {@link #refreshCatalog()} reads the model list ({@link VoskModelCatalog#OFFICIAL_LIST}
     *                   in the app; a local server in tests)
     */
    public VoskModelManager(AppDirs dirs, ModelEnvironment env, HttpClient http, URI catalogUrl,
                            ExtractionLimits limits) {
        this(dirs, env, http, catalogUrl, limits, null);
    }

    /** As above; {@code tasks} (the app's executor, or null) runs the downloads' stall watches. */
    public VoskModelManager(AppDirs dirs, ModelEnvironment env, HttpClient http, URI catalogUrl,
                            ExtractionLimits limits, TaskExecutor tasks) {
        this.tasks = tasks;
        this.dirs = dirs;
        this.env = env;
        this.http = http; // may be null: see http()
        this.catalogUrl = catalogUrl;
        this.limits = limits;
    }

    /** The app's manager: the official list, the running JVM's environment, default limits. */
    public static VoskModelManager standard(AppDirs dirs) {
        return standard(dirs, null);
    }

    /** The app's manager, its downloads watched on the app's executor. */
    public static VoskModelManager standard(AppDirs dirs, TaskExecutor tasks) {
        return new VoskModelManager(dirs, ModelEnvironment.system(), null, VoskModelCatalog.OFFICIAL_LIST,
                ExtractionLimits.DEFAULT, tasks);
    }

    /** Accept plain-HTTP lists and downloads (the CLI's {@code --allow-http}); loopback is always accepted. */
    public VoskModelManager allowHttp(boolean allow) {
        this.allowHttp = allow;
        return this;
    }

    /** How long to wait for a server's response headers (tests make it short). */
    public VoskModelManager headerTimeout(Duration timeout) {
        this.headerTimeout = timeout;
        return this;
    }

    /** A fresh view of the installed models and the current catalog (re-read on each call). */
    public VoskModelLocator locator() {
        return new VoskModelLocator(dirs, env);
    }

    public VoskModelCatalog catalog() {
        return VoskModelCatalog.load(dirs);
    }

    /** The unfinished download of {@code name} that the next install resumes. */
    public Path partFile(String name) {
        return dirs.cache().resolve("downloads").resolve(name + ".zip.part");
    }

    /**
     * Downloads the catalog's model {@code name}, checks its size and SHA-256 (or MD5) and installs it.
     *
     * @return the installed model folder
     */
    public Path install(String name, InstallListener listener, Cancellation cancel) throws IOException {
        VoskModelInfo info = catalog().find(name).orElseThrow(() -> new ModelNotFoundException(
                "unknown Vosk model '" + name + "'; 'attend models list --all' shows the models you can install"
                        + " ('attend models refresh' updates that list)"));
        if (!info.hasChecksum()) {
            info = withPublishedMd5(info, listener);
        }
        return install(info, listener, cancel);
    }

    /**
     * Some built-in entries have no checksum (docs/models.md: none could be cross-checked), so before an
     * unverifiable download the current list is fetched from the same place once: the user asked for a download
     * anyway, and the refreshed list (cached, with its MD5s) then verifies this one and the next. If that fails the
     * entry is used as it is, and install warns that it could not verify.
     */
    private VoskModelInfo withPublishedMd5(VoskModelInfo info, InstallListener listener) {
        try {
            listener.onStep("fetching the current model list for " + info.name() + "'s checksum");
            return refreshCatalog().find(info.name()).filter(VoskModelInfo::hasChecksum).orElse(info);
        } catch (IOException e) {
            LOG.info("no fresh model list for the checksum of {}: {}", info.name(), e.getMessage());
            return info;
        }
    }

    /** Downloads, verifies and installs one catalog entry. */
    public Path install(VoskModelInfo info, InstallListener listener, Cancellation cancel) throws IOException {
        String name = checkedName(info.name());
        Path target = installRoot().resolve(name);
        if (Files.exists(target)) {
            throw new ModelAlreadyInstalledException("model '" + name + "' is already installed; 'attend models remove " + name + "' first to reinstall");
        }
        if (info.url().isBlank()) {
            throw new ModelNotFoundException("the model list has no download address for '" + name + "'");
        }
        URI url = URI.create(info.url());
        Path part = partFile(name);
        listener.onStep("downloading " + url);
        ModelDownloader.requireHttps(url, allowHttp);
        ModelDownloader downloader = new ModelDownloader(http(), ModelDownloader.DEFAULT_STALL_TIMEOUT, headerTimeout,
                tasks);
        new VerifiedDownload(downloader).fetch(info, url, part, info.hasChecksum() ? "" : catalog().source(), listener,
                cancel);
        cancel.check("install of " + name);
        Path installed = installZip(part, name, listener, cancel);
        Files.deleteIfExists(part);
        return installed;
    }

    /**
     * Unpacks a model zip (the official layout: one top folder holding the model, or the model at the top) into
     * {@code <root>/<name>}. Nothing is left behind on failure.
     */
    public Path installZip(Path zip, String name, InstallListener listener, Cancellation cancel) throws IOException {
        name = checkedName(name);
        Path root = installRoot();
        Path target = root.resolve(name);
        if (Files.exists(target)) {
            throw new ModelAlreadyInstalledException("model '" + name + "' is already installed");
        }
        Files.createDirectories(root);
        ModelFolders.deleteStale(root, ".installing-" + name + "-");
        Path tmp = Files.createTempDirectory(root, ".installing-" + name + "-");
        try {
            listener.onStep("unpacking");
            new SafeZipExtractor(limits).extract(zip, tmp, cancel);
            cancel.check("install of " + name);
            Path modelDir = ModelFolders.modelRoot(tmp, zip.getFileName().toString());
            ModelFolders.moveIntoPlace(modelDir, target);
            LOG.info("installed Vosk model {} in {}", name, target);
            return target;
        } finally {
            deleteTree(tmp);
        }
    }

    /** Copies a model folder into Attend's models (name = the folder's name unless given). */
    public Path importDir(Path dir, String name) throws IOException {
        Optional<String> problem = VoskModelLayout.problem(dir);
        if (problem.isPresent()) {
            throw new ModelNotFoundException("cannot import: " + problem.get() + "; pass the folder that holds am/ "
                    + "and conf/");
        }
        Path src = dir.toAbsolutePath().normalize();
        name = checkedName(name != null ? name : src.getFileName().toString());
        Path root = installRoot();
        Path target = root.resolve(name);
        if (Files.exists(target)) {
            throw new ModelAlreadyInstalledException("a model named '" + name + "' is already installed; remove it first or import under another name");
        }
        if (target.toAbsolutePath().normalize().startsWith(src) || src.startsWith(root.toAbsolutePath().normalize())) {
            throw new IOException("cannot import " + src + " into itself");
        }
        Files.createDirectories(root);
        ModelFolders.deleteStale(root, ".importing-" + name + "-");
        Path tmp = Files.createTempDirectory(root, ".importing-" + name + "-");
        try {
            Path copy = tmp.resolve("model");
            ModelFolders.copyTree(src, copy);
            ModelFolders.moveIntoPlace(copy, target);
            return target;
        } finally {
            deleteTree(tmp);
        }
    }

    /** Deletes an Attend-installed model (never one found elsewhere); clears the choice if it was this model. */
    public void remove(String name) throws IOException {
        FoundModel m = locator().find(name).orElseThrow(() -> new ModelNotFoundException(
                "model '" + name + "' is not installed; 'attend models list' shows the installed ones"));
        if (m.source() != ModelSource.ATTEND) {
            throw new ModelNotFoundException("model '" + name + "' is in " + m.dir() + " (" + m.source().label()
                    + "), not in Attend's folder; Attend removes only models it installed");
        }
        // first out of sight in one step, then deleted: an interrupted delete never looks like a model
        ModelFolders.deleteStale(installRoot(), ".removing-" + name + "-");
        Path trash = Files.createTempDirectory(installRoot(), ".removing-" + name + "-");
        try {
            Files.move(m.dir(), trash.resolve("model"), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            deleteTree(trash);
            throw new IOException("cannot remove model '" + name + "' (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); is it open in a running session? Close it and try again", e);
        }
        deleteTree(trash);
        ModelSettings settings = ModelSettings.of(dirs);
        if (settings.voskModel().filter(name::equals).isPresent()) {
            settings.clearVoskModel();
        }
        Files.deleteIfExists(partFile(name));
    }

    /** Makes {@code nameOrDir} the default model; it must be a model on this machine. */
    public FoundModel use(String nameOrDir) throws IOException {
        VoskModelLocator locator = locator();
        Path dir = locator.resolve(nameOrDir);
        Optional<FoundModel> byName = locator.find(nameOrDir);
        String stored = byName.isPresent() ? nameOrDir : dir.toString();
        ModelSettings.of(dirs).setVoskModel(stored);
        return byName.orElse(new FoundModel(dir.getFileName().toString(), dir, ModelSource.FOLDER,
                locator.langOf(dir.getFileName().toString())));
    }

    /** Downloads the model list from the catalog URL and caches it; the built-in copy stays as the fallback. */
    public VoskModelCatalog refreshCatalog() throws IOException {
        ModelDownloader.requireHttps(catalogUrl, allowHttp);
        VoskModelCatalog fresh = CatalogFetch.fetch(http(), catalogUrl, headerTimeout);
        fresh.write(VoskModelCatalog.cacheFile(dirs));
        return VoskModelCatalog.load(dirs);
    }

    private synchronized HttpClient http() {
        if (http == null) {
            http = ModelDownloader.defaultClient();
        }
        return http;
    }

    private Path installRoot() {
        return VoskModelLocator.installRoot(dirs);
    }

    /** Kept for callers in this package: see {@link ModelFolders#checkedName}. */
    static String checkedName(String name) throws ModelNotFoundException {
        return ModelFolders.checkedName(name);
    }

    static void deleteTree(Path dir) throws IOException {
        ModelFolders.deleteTree(dir);
    }
}
