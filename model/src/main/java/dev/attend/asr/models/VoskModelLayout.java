package dev.attend.asr.models;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Recognises a Vosk model folder without loading it (loading a wrong folder can abort the JVM inside libvosk).
 * Mirrors what libvosk's {@code Model} reads: the current layout has {@code am/final.mdl} + {@code conf/model.conf}
 * and a graph ({@code graph/HCLG.fst}, or {@code graph/HCLr.fst} + {@code graph/Gr.fst} for grammar-capable
 * models); the old layout (models before 0.15) keeps {@code final.mdl}, {@code mfcc.conf} and {@code HCLG.fst} (or
 * {@code HCLr.fst} + {@code Gr.fst}) at the top level.
 */
public final class VoskModelLayout {

    private VoskModelLayout() {
    }

    public static boolean isModel(Path dir) {
        return problem(dir).isEmpty();
    }

    /** Files of a Vosk speaker-identification (x-vector) model such as {@code vosk-model-spk-0.4}. */
    static final String[] SPEAKER_FILES = {"final.ext.raw", "mean.vec", "transform.mat", "mfcc.conf"};

    /** True for a speaker-identification model folder: not a speech model, but installed the same way. */
    public static boolean isSpeakerModel(Path dir) {
        for (String f : SPEAKER_FILES) {
            if (!Files.isRegularFile(dir.resolve(f))) {
                return false;
            }
        }
        return true;
    }

    /** Why {@code dir} is not a Vosk model (one line naming the missing file), or empty when it is one. */
    public static Optional<String> problem(Path dir) {
        if (!Files.isDirectory(dir)) {
            return Optional.of(dir + " is not a folder");
        }
        if (Files.isRegularFile(dir.resolve("am/final.mdl"))) {
            if (!Files.isRegularFile(dir.resolve("conf/model.conf"))) {
                return Optional.of(dir + " has am/final.mdl but no conf/model.conf");
            }
            return graphProblem(dir, dir.resolve("graph"), "graph/");
        }
        if (Files.isRegularFile(dir.resolve("final.mdl"))) {
            if (!Files.isRegularFile(dir.resolve("mfcc.conf"))) {
                return Optional.of(dir + " has an old-layout final.mdl but no mfcc.conf");
            }
            return graphProblem(dir, dir, "");
        }
        return Optional.of(dir + " has no am/final.mdl (nor an old-layout final.mdl)");
    }

    /** True when the model has the split graph libvosk needs for grammar (phrase list) mode. */
    public static boolean supportsGrammar(Path dir) {
        return Files.isRegularFile(dir.resolve("graph/HCLr.fst")) && Files.isRegularFile(dir.resolve("graph/Gr.fst"))
                || Files.isRegularFile(dir.resolve("HCLr.fst")) && Files.isRegularFile(dir.resolve("Gr.fst"));
    }

    private static Optional<String> graphProblem(Path dir, Path graph, String prefix) {
        if (Files.isRegularFile(graph.resolve("HCLG.fst"))) {
            return Optional.empty();
        }
        boolean hcl = Files.isRegularFile(graph.resolve("HCLr.fst"));
        boolean gr = Files.isRegularFile(graph.resolve("Gr.fst"));
        if (hcl && gr) {
            return Optional.empty();
        }
        if (hcl || gr) {
            return Optional.of(dir + " has " + prefix + (hcl ? "HCLr.fst but no " + prefix + "Gr.fst"
                    : "Gr.fst but no " + prefix + "HCLr.fst"));
        }
        return Optional.of(dir + " has no " + prefix + "HCLG.fst (nor " + prefix + "HCLr.fst + " + prefix + "Gr.fst)");
    }
}
