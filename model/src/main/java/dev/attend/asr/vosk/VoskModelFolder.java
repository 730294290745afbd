package dev.attend.asr.vosk;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A Vosk model as a plain folder, checked before libvosk sees it (libvosk reports a broken model only on stderr,
 * and some broken files abort the process). Knows the two layouts libvosk reads: the current one
 * ({@code am/ conf/ graph/}) and the old flat one ({@code final.mdl} and {@code HCLG.fst} at the top).
 *
 * @param dir     the folder, absolute and normalized
 * @param flat    the old flat layout
 * @param grammar the graph is built at run time from HCLr.fst + Gr.fst, so grammars work
 */
public record VoskModelFolder(Path dir, boolean flat, boolean grammar) {

    /**
     * @throws VoskModelException when {@code dir} is not a usable model folder, naming what is missing
     */
    public static VoskModelFolder check(Path dir) {
        if (dir == null) {
            throw new VoskModelException("no Vosk model folder given");
        }
        if (dir.getFileSystem() != FileSystems.getDefault()) {
            throw new VoskModelException("Vosk models must be plain folders on disk, not inside an archive: " + dir
                    + "; extract it first");
        }
        Path d = dir.toAbsolutePath().normalize();
        if (!Files.exists(d)) {
            throw new VoskModelException("Vosk model folder not found: " + d
                    + " (it may have been moved or deleted; give a folder with am/, conf/ and graph/)");
        }
        if (!Files.isDirectory(d)) {
            throw new VoskModelException(d + " is a file, not a Vosk model folder; unpack the model archive and give "
                    + "the folder that contains am/, conf/ and graph/");
        }
        boolean flat = !Files.exists(d.resolve("am/final.mdl")) && Files.exists(d.resolve("final.mdl"));
        Path am = flat ? d.resolve("final.mdl") : d.resolve("am/final.mdl");
        Path graph = flat ? d : d.resolve("graph");
        requireFile(d, am, "the acoustic model");
        boolean hclg = Files.isRegularFile(graph.resolve("HCLG.fst"));
        boolean runtime = Files.isRegularFile(graph.resolve("HCLr.fst")) && Files.isRegularFile(graph.resolve("Gr.fst"));
        if (!hclg && !runtime) {
            throw new VoskModelException("not a complete Vosk model: " + d + " has neither " + rel(d, graph)
                    + "HCLG.fst nor " + rel(d, graph) + "HCLr.fst + Gr.fst (the decoding graph)");
        }
        requireFile(d, graph.resolve("words.txt"), "the word list");
        if (!flat) {
            requireFile(d, d.resolve("conf/model.conf"), "the decoder options");
        }
        VoskModelFolder folder = new VoskModelFolder(d, flat, runtime && !hclg);
        VoskModelContents.check(folder);
        return folder;
    }

    private static String rel(Path root, Path p) {
        String r = root.relativize(p).toString();
        return r.isEmpty() ? "" : r + "/";
    }

    private static void requireFile(Path root, Path f, String what) {
        if (!Files.isRegularFile(f) || !Files.isReadable(f)) {
            throw new VoskModelException("not a complete Vosk model: " + root + " lacks " + root.relativize(f)
                    + " (" + what + "); download or unpack the model again");
        }
    }

    /** The graph folder (the model folder itself in the flat layout). */
    public Path graphDir() {
        return flat ? dir : dir.resolve("graph");
    }

    /** Words the model knows (graph/words.txt), for checking grammars. */
    public Set<String> vocabulary() {
        Set<String> words = new HashSet<>();
        try (Stream<String> lines = Files.lines(graphDir().resolve("words.txt"), StandardCharsets.UTF_8)) {
            lines.forEach(l -> {
                int sp = l.indexOf(' ');
                if (sp > 0) {
                    words.add(l.substring(0, sp));
                }
            });
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new VoskModelException("cannot read the word list of " + dir + ": " + e.getMessage(), e);
        }
        return words;
    }
}
