package dev.attend.asr.models;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** File-system steps of installing models: finding the model in an archive, atomic moves, copies, deletes. */
final class ModelFolders {

    private static final Logger LOG = LoggerFactory.getLogger(ModelFolders.class);

    private ModelFolders() {
    }

    /** A speech model, or the speaker-identification model (the catalog lists both). */
    private static boolean installable(Path dir) {
        return VoskModelLayout.isModel(dir) || VoskModelLayout.isSpeakerModel(dir);
    }

    /** The model inside an unpacked archive: the folder itself, or its single top-level folder. */
    static Path modelRoot(Path unpacked, String label) throws IOException {
        if (installable(unpacked)) {
            return unpacked;
        }
        List<Path> tops = new ArrayList<>();
        try (Stream<Path> s = Files.list(unpacked)) {
            s.filter(p -> !p.getFileName().toString().equals("__MACOSX")).forEach(tops::add);
        }
        if (tops.size() == 1 && installable(tops.get(0))) {
            return tops.get(0);
        }
        String why = tops.size() == 1 ? VoskModelLayout.problem(tops.get(0)).orElse("")
                : "expected one model folder at the top, found " + tops.size() + " entries";
        throw new ModelNotFoundException("archive " + label + " does not hold a Vosk model (" + why
                + "); nothing was installed");
    }

    static void moveIntoPlace(Path from, Path target) throws IOException {
        try {
            Files.move(from, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("cannot move the model into " + target + " in one step (" + e.getMessage()
                    + "); is the models folder on an unusual file system?", e);
        }
    }

    /** Model names become folder names: no separators, no leading dot, nothing that climbs out. */
    static String checkedName(String name) throws ModelNotFoundException {
        if (name == null || name.isBlank() || name.startsWith(".") || name.contains("/") || name.contains("\\")
                || name.contains("..") || name.indexOf('\0') >= 0 || name.contains(":")) {
            throw new ModelNotFoundException("'" + name + "' is not a usable model name (a plain folder name, "
                    + "not starting with '.')");
        }
        return name;
    }

    static void copyTree(Path src, Path dst) throws IOException {
        try (Stream<Path> s = Files.walk(src, FileVisitOption.FOLLOW_LINKS)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                Path out = dst.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(out);
                } else {
                    Files.copy(p, out, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    /** Leftovers of an earlier run of the same operation that the JVM could not clean up (killed mid-way). */
    static void deleteStale(Path root, String prefix) throws IOException {
        try (Stream<Path> s = Files.list(root)) {
            for (Path p : (Iterable<Path>) s.filter(p -> p.getFileName().toString().startsWith(prefix))::iterator) {
                LOG.info("deleting the leftover {}", p);
                deleteTree(p);
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
