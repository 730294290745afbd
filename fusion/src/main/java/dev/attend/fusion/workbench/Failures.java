package dev.attend.fusion.workbench;

import java.io.IOException;
import java.nio.file.FileSystemException;

/** Turns what a training job threw into an error whose message a user can act on. */
final class Failures {

    private Failures() {
    }

    static Exception explain(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            String m = String.valueOf(c.getMessage());
            if (c instanceof UnsatisfiedLinkError || c instanceof ai.djl.engine.EngineException
                    || m.contains("libtorch") || m.contains("No deep learning engine")) {
                return new IllegalStateException("PyTorch's native library could not be loaded, so nothing can be "
                        + "trained (" + m + "). The app's pytorch-native-cpu jar is missing or does not fit this "
                        + "system (linux-x86_64 only).", t);
            }
            if (m.contains("No space left on device") || m.contains("Disk quota exceeded")) {
                String where = c instanceof FileSystemException f && f.getFile() != null ? " (" + f.getFile() + ")" : "";
                return new IOException("the disk is full" + where + ": free some space; the last finished epoch "
                        + "is kept and Resume continues from it", t);
            }
        }
        return t instanceof Exception e ? e : new IllegalStateException(String.valueOf(t.getMessage()), t);
    }
}
