package dev.attend.fusion.train;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Locale;

/**
 * Per-step losses as CSV ({@code steps.csv}) and per-epoch means with the memory figures ({@link MemoryUse}) as JSON
 * ({@code epochs.json}); appends on resume.
 */
public final class TrainLog implements AutoCloseable {

    public static final String STEPS = "steps.csv";
    public static final String EPOCHS = "epochs.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BufferedWriter steps;
    private final Path epochsFile;
    private final ArrayNode epochs;

    public TrainLog(Path dir, boolean append) throws IOException {
        this(dir, append, FusionLoss.NAMES.length - 1);
    }

    /** @param tasks how many tasks the model has (the columns of {@code steps.csv}) */
    public TrainLog(Path dir, boolean append, int tasks) throws IOException {
        Path s = dir.resolve(STEPS);
        boolean header = !append || !Files.exists(s);
        steps = Files.newBufferedWriter(s, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                append ? StandardOpenOption.APPEND : StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE);
        if (header) {
            List<String> names = List.of(FusionLoss.NAMES).subList(0, tasks);
            steps.write("phase,epoch,step,total," + String.join(",", names) + ","
                    + String.join(",", names.stream().map(n -> "s_" + n).toList()) + ",ms,rss_mb\n");
        }
        epochsFile = dir.resolve(EPOCHS);
        epochs = append && Files.exists(epochsFile) ? (ArrayNode) JSON.readTree(epochsFile.toFile()) : JSON.createArrayNode();
    }

    public void step(String phase, int epoch, long step, float total, float[] parts, float[] logVars, double ms,
                     long rssMb) throws IOException {
        StringBuilder b = new StringBuilder();
        b.append(phase).append(',').append(epoch).append(',').append(step).append(',').append(f(total));
        for (float p : parts) {
            b.append(',').append(f(p));
        }
        for (float s : logVars) {
            b.append(',').append(f(s));
        }
        b.append(',').append(String.format(Locale.ROOT, "%.1f", ms)).append(',').append(rssMb).append('\n');
        steps.write(b.toString());
    }

    public void epoch(String phase, int epoch, long steps, double total, double[] parts, float[] logVars,
                      double seconds, MemoryUse mem) throws IOException {
        ObjectNode e = epochs.addObject();
        e.put("phase", phase);
        e.put("epoch", epoch);
        e.put("steps", steps);
        e.put("total", total);
        ObjectNode l = e.putObject("losses");
        for (int i = 0; i < parts.length; i++) {
            l.put(FusionLoss.NAMES[i], parts[i]);
        }
        ObjectNode w = e.putObject("logVariances");
        for (int i = 0; i < logVars.length; i++) {
            w.put(FusionLoss.NAMES[i], logVars[i]);
        }
        e.put("seconds", seconds);
        e.put("rssMb", mem.rssMb());
        e.put("heapUsedMb", mem.heapUsedMb());
        e.put("heapCommittedMb", mem.heapCommittedMb());
        e.put("directMb", mem.directMb());
        e.put("nativeMb", mem.nativeMb());
        JSON.writerWithDefaultPrettyPrinter().writeValue(epochsFile.toFile(), epochs);
        this.steps.flush();
    }

    private static String f(float v) {
        return String.format(Locale.ROOT, "%.5f", v);
    }

    @Override
    public void close() throws IOException {
        steps.close();
    }
}
