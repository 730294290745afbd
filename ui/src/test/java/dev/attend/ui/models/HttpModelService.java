package dev.attend.ui.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

/** A {@link ModelService} for tests that really downloads over HTTP (from a local test server) into a folder. */
final class HttpModelService implements ModelService {

    private final URI base;
    private final Path dir;
    private final List<ModelInfo> catalogue;
    private final List<ModelInfo> installed = new ArrayList<>();
    private volatile String inUse;

    HttpModelService(URI base, Path dir, List<ModelInfo> catalogue) {
        this.base = base;
        this.dir = dir;
        this.catalogue = catalogue;
    }

    @Override
    public synchronized List<ModelInfo> installed() {
        return installed.stream().map(m -> new ModelInfo(m.name(), m.language(), m.sizeBytes(), true,
                m.name().equals(inUse))).toList();
    }

    @Override
    public synchronized List<ModelInfo> available() {
        return catalogue.stream().filter(c -> installed.stream().noneMatch(i -> i.name().equals(c.name()))).toList();
    }

    @Override
    public ModelInfo download(ModelInfo model, Progress progress, BooleanSupplier cancelled) throws IOException {
        Path part = dir.resolve(model.name() + ".zip.part");
        HttpURLConnection c = (HttpURLConnection) base.resolve(model.name() + ".zip").toURL().openConnection();
        long total = c.getContentLengthLong();
        long done = 0;
        try (InputStream in = c.getInputStream(); OutputStream out = Files.newOutputStream(part)) {
            byte[] buf = new byte[16 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                if (cancelled.getAsBoolean()) {
                    throw new CancellationException("download cancelled");
                }
                out.write(buf, 0, n);
                done += n;
                progress.update(done, total);
            }
        } catch (CancellationException | IOException e) {
            Files.deleteIfExists(part);
            throw e;
        } finally {
            c.disconnect();
        }
        Files.move(part, dir.resolve(model.name() + ".zip"));
        ModelInfo m = new ModelInfo(model.name(), model.language(), done, true, false);
        synchronized (this) {
            installed.add(m);
        }
        return m;
    }

    @Override
    public synchronized void remove(ModelInfo model) throws IOException {
        installed.removeIf(m -> m.name().equals(model.name()));
        Files.deleteIfExists(dir.resolve(model.name() + ".zip"));
    }

    @Override
    public void use(ModelInfo model) {
        inUse = model.name();
    }

    @Override
    public ModelInfo importFolder(Path folder) {
        throw new UnsupportedOperationException("not in this test");
    }
}
