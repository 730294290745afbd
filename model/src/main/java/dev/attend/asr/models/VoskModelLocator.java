package dev.attend.asr.models;

import dev.attend.config.AppDirs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds Vosk models on this machine and turns what the user typed ({@code --model DIR|NAME|default}) into a model
 * folder. Attend's own models live in {@code <data>/models/vosk/<name>}; others are discovered in the places
 * {@link ModelEnvironment#searchDirs()} lists. When two places hold the same name, Attend's own copy wins, then the
 * earlier place.
 */
public final class VoskModelLocator {

    private static final Logger LOG = LoggerFactory.getLogger(VoskModelLocator.class);
    private static final Pattern NAME_LANG = Pattern.compile("vosk-model-(?:small-)?([a-z]{2}(?:-[a-z]{2})?)(?=-)");
    /** Used when the system language has no model in the catalog. */
    static final String FALLBACK_LANG = "en-us";

    private final AppDirs dirs;
    private final ModelEnvironment env;
    private final VoskModelCatalog catalog;

    public VoskModelLocator(AppDirs dirs, ModelEnvironment env, VoskModelCatalog catalog) {
        this.dirs = dirs;
        this.env = env;
        this.catalog = catalog;
    }

    public VoskModelLocator(AppDirs dirs, ModelEnvironment env) {
        this(dirs, env, VoskModelCatalog.load(dirs));
    }

    /** The model folder for {@code nameOrDir} (a folder, an installed or discovered name, or "default"/null). */
    public static Path resolve(String nameOrDir, AppDirs dirs) throws ModelNotFoundException {
        return new VoskModelLocator(dirs, ModelEnvironment.system()).resolve(nameOrDir);
    }

    /** Where Attend installs Vosk models. */
    public static Path installRoot(AppDirs dirs) {
        return dirs.models().resolve("vosk");
    }

    public Path installRoot() {
        return installRoot(dirs);
    }

    public VoskModelCatalog catalog() {
        return catalog;
    }

    /** Every model on this machine, Attend's own first; one entry per name. */
    public List<FoundModel> discover() {
        Map<String, FoundModel> found = new LinkedHashMap<>();
        scan(installRoot(), ModelSource.ATTEND, found);
        for (ModelEnvironment.SearchDir sd : env.searchDirs()) {
            if (sd.source() == ModelSource.VOSK_MODEL_PATH && VoskModelLayout.isModel(sd.dir())) {
                add(sd.dir(), ModelSource.VOSK_MODEL_PATH, found);
            } else {
                scan(sd.dir(), sd.source(), found);
            }
        }
        return List.copyOf(found.values());
    }

    public Optional<FoundModel> find(String name) {
        return discover().stream().filter(m -> m.name().equals(name)).findFirst();
    }

    /**
     * The model "default" stands for: the one chosen with {@code attend models use} if it is still there, else a
     * model on this machine in the system language (a small one first), else any model on this machine.
     */
    public Optional<FoundModel> defaultModel() {
        List<FoundModel> all = discover();
        Optional<String> chosen = chosen();
        if (chosen.isPresent()) {
            Optional<FoundModel> m = lookup(chosen.get(), all);
            if (m.isPresent()) {
                return m;
            }
            LOG.warn("the chosen Vosk model '{}' is no longer available; picking one by language", chosen.get());
        }
        String lang = systemLang(env.locale());
        Comparator<FoundModel> smallFirst = Comparator.comparing(m -> !m.name().contains("-small-"));
        Optional<FoundModel> byLang = all.stream().filter(m -> m.lang().equalsIgnoreCase(lang))
                .sorted(smallFirst).findFirst();
        if (byLang.isEmpty()) {
            String base = lang.split("-")[0];
            byLang = all.stream().filter(m -> m.lang().split("-")[0].equalsIgnoreCase(base))
                    .sorted(smallFirst).findFirst();
        }
        return byLang.or(() -> all.stream().findFirst());
    }

    /** The catalog model to suggest installing for the system language. */
    public Optional<VoskModelInfo> recommended() {
        return catalog.recommended(systemLang(env.locale())).or(() -> catalog.recommended(FALLBACK_LANG));
    }

    /** Resolves what the user typed; the exception message says what to do. */
    public Path resolve(String nameOrDir) throws ModelNotFoundException {
        if (nameOrDir == null || nameOrDir.isBlank() || nameOrDir.equals("default")) {
            return defaultModel().map(FoundModel::dir).orElseThrow(() -> new ModelNotFoundException(
                    "no Vosk model is installed; run 'attend models install "
                            + recommended().map(VoskModelInfo::name).orElse("NAME")
                            + "' (or pass --model DIR)"));
        }
        Path asPath = looksLikePath(nameOrDir) ? Path.of(expandHome(nameOrDir)) : null;
        if (asPath != null || Files.isDirectory(Path.of(nameOrDir))) {
            Path dir = asPath != null ? asPath : Path.of(nameOrDir);
            if (!Files.exists(dir)) {
                throw new ModelNotFoundException("model folder " + dir + " does not exist");
            }
            Optional<String> problem = VoskModelLayout.problem(dir);
            if (problem.isPresent()) {
                throw new ModelNotFoundException("not a Vosk model: " + problem.get()
                        + "; pass the folder that holds am/ and conf/");
            }
            return dir.toAbsolutePath().normalize();
        }
        Optional<FoundModel> m = find(nameOrDir);
        if (m.isPresent()) {
            return m.get().dir();
        }
        if (catalog.find(nameOrDir).isPresent()) {
            throw new ModelNotFoundException("model '" + nameOrDir + "' is not installed; run 'attend models install "
                    + nameOrDir + "'");
        }
        throw new ModelNotFoundException("unknown Vosk model '" + nameOrDir + "'; 'attend models list --all' shows "
                + "the models you can install, or pass a model folder");
    }

    /** The catalog language code for a locale: English → en-us (en-in for India), Chinese → cn, … */
    public static String systemLang(Locale locale) {
        String lang = locale.getLanguage().toLowerCase(Locale.ROOT);
        String country = locale.getCountry().toUpperCase(Locale.ROOT);
        return switch (lang) {
            case "", "en" -> "IN".equals(country) ? "en-in" : FALLBACK_LANG;
            case "zh" -> "cn";
            case "uk" -> "ua";
            case "vi" -> "vn";
            case "iw", "he" -> "he";
            default -> lang;
        };
    }

    /** The language code of a model: from the catalog, else from the usual "vosk-model[-small]-LANG-…" name. */
    String langOf(String name) {
        Optional<VoskModelInfo> info = catalog.find(name);
        if (info.isPresent() && !info.get().lang().isEmpty()) {
            return info.get().lang();
        }
        Matcher m = NAME_LANG.matcher(name);
        return m.lookingAt() ? m.group(1) : "";
    }

    private Optional<String> chosen() {
        try {
            return ModelSettings.of(dirs).voskModel();
        } catch (IOException e) {
            LOG.warn("ignoring the model choice: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<FoundModel> lookup(String nameOrDir, List<FoundModel> all) {
        Optional<FoundModel> byName = all.stream().filter(m -> m.name().equals(nameOrDir)).findFirst();
        if (byName.isPresent() || !looksLikePath(nameOrDir)) {
            return byName;
        }
        Path dir = Path.of(expandHome(nameOrDir));
        return VoskModelLayout.isModel(dir)
                ? Optional.of(new FoundModel(dir.getFileName().toString(), dir.toAbsolutePath().normalize(),
                        ModelSource.FOLDER, langOf(dir.getFileName().toString())))
                : Optional.empty();
    }

    private void scan(Path dir, ModelSource source, Map<String, FoundModel> found) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> children = new ArrayList<>();
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().forEach(children::add);
        } catch (IOException e) {
            LOG.warn("cannot list {} for Vosk models: {}", dir, e.getMessage());
            return;
        }
        for (Path child : children) {
            if (VoskModelLayout.isModel(child)) {
                add(child, source, found);
            }
        }
    }

    private void add(Path dir, ModelSource source, Map<String, FoundModel> found) {
        String name = dir.getFileName().toString();
        found.putIfAbsent(name, new FoundModel(name, dir.toAbsolutePath().normalize(), source, langOf(name)));
    }

    static boolean looksLikePath(String s) {
        return s.contains("/") || s.contains("\\") || s.startsWith("~") || s.startsWith(".");
    }

    private String expandHome(String s) {
        if (s.equals("~")) {
            return env.home().toString();
        }
        if (s.startsWith("~/") || s.startsWith("~\\")) {
            return env.home().resolve(s.substring(2)).toString();
        }
        return s;
    }
}
