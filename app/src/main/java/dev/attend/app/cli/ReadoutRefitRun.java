package dev.attend.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attend.fusion.data.FusionDataset;
import dev.attend.fusion.model.FusionModel;
import dev.attend.fusion.train.ReadoutRefit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** {@code attend train --refit-readout}: an existing checkpoint's audio-only intent layer refitted, saved elsewhere. */
final class ReadoutRefitRun {

    static final String SUMMARY = "readout-refit.json";

    private ReadoutRefitRun() {
    }

    static ObjectNode run(Path init, Path data, Path out, long seed, Path validation) throws Exception {
        FusionDataset d = FusionDataset.load(data);
        FusionDataset v = validation == null ? null : FusionDataset.load(validation);
        try (FusionModel model = FusionModel.load(init)) {
            ObjectNode r;
            try {
                r = ReadoutRefit.apply(model, d, seed, v);
            } catch (IllegalArgumentException e) {
                throw new BadInputException(e.getMessage());
            }
            Files.createDirectories(out);
            model.save(out);
            Path training = init.resolve("training.json"); // the training record stays with the parameters it made
            if (Files.isRegularFile(training)) {
                Files.copy(training, out.resolve("training.json"), StandardCopyOption.REPLACE_EXISTING);
            }
            r.put("initParametersSha256", sha256(init.resolve(FusionModel.PARAMS_FILE)));
            r.put("parametersSha256", sha256(out.resolve(FusionModel.PARAMS_FILE)));
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(out.resolve(SUMMARY).toFile(), r);
            return r;
        }
    }

    private static String sha256(Path file) throws Exception {
        byte[] h = java.security.MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file));
        return java.util.HexFormat.of().formatHex(h);
    }
}
