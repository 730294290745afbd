package dev.attend.encoders.text;

import dev.attend.models.BundledModel;
import dev.attend.models.Sha256;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The bundled ONNX model with its attention tensors added as graph outputs, written once into the cache next to the
 * verified original ({@code <cache>/models/<sha-prefix>/<name>.attention.onnx}). The edit is recomputed from the
 * verified bytes on every load (a fraction of a second) and the cached copy rewritten when it differs, so a damaged
 * or stale cache file is never loaded.
 *
 * @param file  the edited model
 * @param graph which outputs were added
 */
public record AttentionModelFile(Path file, AttentionGraph graph) {

    public static AttentionModelFile prepare(BundledModel original, Path cacheDir) throws IOException {
        Path verified = original.materialize(cacheDir);
        OnnxGraph g = OnnxGraph.parse(Files.readAllBytes(verified));
        AttentionGraph attention = AttentionGraph.find(g);
        byte[] edited = g.withExtraOutputs(attention.outputNames());
        String name = original.fileName().replaceFirst("\\.onnx$", "") + ".attention.onnx";
        Path target = verified.resolveSibling(name);
        if (!(Files.isRegularFile(target) && Sha256.of(target).equals(Sha256.of(edited)))) {
            try {
                write(target, edited);
            } catch (IOException e) {
                // a read-only cache that holds the original but not the edit: this run's temporary folder
                target = BundledModel.fallbackDir().resolve(verified.getParent().getFileName()).resolve(name);
                Files.createDirectories(target.getParent());
                write(target, edited);
            }
            BundledModel.deleteOnExitIfFallback(target);
        }
        return new AttentionModelFile(target, attention);
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
        try {
            Files.write(tmp, bytes);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
