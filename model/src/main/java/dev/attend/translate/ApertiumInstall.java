package dev.attend.translate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The locally installed Apertium: where its programs and its modes are. Found the way the {@code apertium} script
 * finds them: programs in {@code $APERTIUM_PATH} (default {@code /usr/bin}) then {@code $PATH}; modes, one per
 * translation direction, as {@code $APERTIUM_DATADIR/modes/*.mode} (default {@code /usr/share/apertium}), which is
 * also what {@code apertium -l} lists.
 */
public final class ApertiumInstall {

    /** The first program of every mode; without it nothing can run. */
    static final String CORE_PROGRAM = "lt-proc";
    private static final Pattern PAIR_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final Pattern PACKAGE_DIR = Pattern.compile("/(apertium-[a-z0-9]+-[a-z0-9]+)/");

    private final Path dataDir;
    private final List<Path> binDirs;

    public ApertiumInstall(Path dataDir, List<Path> binDirs) {
        this.dataDir = dataDir;
        this.binDirs = List.copyOf(binDirs);
    }

    /** The system's installation, honouring {@code APERTIUM_DATADIR} and {@code APERTIUM_PATH}. */
    public static ApertiumInstall detect() {
        String data = System.getenv("APERTIUM_DATADIR");
        List<Path> bins = new ArrayList<>();
        String apPath = System.getenv("APERTIUM_PATH");
        bins.add(Path.of(apPath == null || apPath.isBlank() ? "/usr/bin" : apPath));
        String path = System.getenv("PATH");
        if (path != null) {
            for (String p : path.split(java.io.File.pathSeparator)) {
                if (!p.isBlank()) {
                    bins.add(Path.of(p));
                }
            }
        }
        return new ApertiumInstall(Path.of(data == null || data.isBlank() ? "/usr/share/apertium" : data), bins);
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path modesDir() {
        return dataDir.resolve("modes");
    }

    /** True when Apertium's programs are on the path and at least one mode is installed. */
    public boolean available() {
        return findProgram(CORE_PROGRAM).isPresent() && !pairs().isEmpty();
    }

    /** Installed directions (mode names such as {@code eng-spa}), sorted; empty when none or no Apertium. */
    public List<String> pairs() {
        if (!Files.isDirectory(modesDir())) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(modesDir())) {
            return s.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".mode"))
                    .map(n -> n.substring(0, n.length() - ".mode".length()))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** An executable of that name in the Apertium program folder or on the PATH. */
    public Optional<Path> findProgram(String name) {
        for (Path dir : binDirs) {
            Path p = dir.resolve(name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /**
     * The mode file of an installed pair.
     *
     * @throws TranslatorUnavailableException when Apertium or the pair is not installed (message names the package)
     */
    public Path modeFile(String pair) {
        if (pair == null || !PAIR_NAME.matcher(pair).matches()) {
            throw new TranslatorUnavailableException("'" + pair + "' is not an Apertium pair name; use a name like "
                    + "eng-spa (see 'attend translate --list')", debianPackage(String.valueOf(pair)));
        }
        if (findProgram(CORE_PROGRAM).isEmpty() || pairs().isEmpty()) {
            throw new TranslatorUnavailableException("Apertium is not installed (no " + CORE_PROGRAM
                    + " on the PATH or no modes in " + modesDir() + "); install the Debian packages apertium and "
                    + debianPackage(pair), debianPackage(pair));
        }
        Path mode = modesDir().resolve(pair + ".mode");
        if (!Files.isRegularFile(mode)) {
            String pkg = debianPackage(pair);
            throw new TranslatorUnavailableException("Apertium pair '" + pair + "' is not installed; install the "
                    + "Debian package " + pkg + reversedHint(pair) + " (installed pairs: 'attend translate --list')",
                    pkg);
        }
        return mode;
    }

    /** The Debian package that provides an installed pair (read from its mode), or the usual name for it. */
    public String packageOf(String pair) {
        Path mode = modesDir().resolve(pair + ".mode");
        try {
            Matcher m = PACKAGE_DIR.matcher(Files.readString(mode));
            if (m.find()) {
                return m.group(1);
            }
        } catch (IOException | RuntimeException e) {
            // not installed or unreadable: fall back to the naming convention
        }
        return debianPackage(pair);
    }

    /**
     * A translator for an installed pair. Its pipeline starts at the first translation or {@link Translator#warmUp}.
     *
     * @throws TranslatorUnavailableException when Apertium or the pair is not installed
     */
    public ApertiumTranslator open(String pair, Duration timeout) {
        Path mode = modeFile(pair);
        return new ApertiumTranslator(pair, ApertiumMode.commands(this, mode), timeout);
    }

    public ApertiumTranslator open(String pair) {
        return open(pair, ApertiumTranslator.DEFAULT_TIMEOUT);
    }

    /** Debian's naming convention: {@code apertium-LANG1-LANG2}, variants such as {@code _valencia} dropped. */
    static String debianPackage(String pair) {
        String[] parts = pair.split("[-_]");
        if (parts.length < 2) {
            return "apertium-" + pair;
        }
        return "apertium-" + parts[0] + "-" + parts[1];
    }

    private static String reversedHint(String pair) {
        String[] parts = pair.split("[-_]");
        return parts.length < 2 ? "" : " (some pairs are packaged as apertium-" + parts[1] + "-" + parts[0] + ")";
    }
}
