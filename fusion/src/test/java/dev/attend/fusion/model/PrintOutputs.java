package dev.attend.fusion.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/** Run in a fresh JVM by {@link SaveLoadTest}: loads a model folder and prints the SHA-256 of its outputs. */
public final class PrintOutputs {

    private PrintOutputs() {
    }

    public static void main(String[] args) throws Exception {
        try (FusionModel m = FusionModel.load(Path.of(args[0]))) {
            System.out.println(digest(m));
        }
    }

    static String digest(FusionModel m) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (NDManager mgr = NDManager.newBaseManager(FusionModel.ENGINE)) {
            NDList out = m.forward(mgr, RandomInputs.of(m.config(), 2, 99, new int[] {7, 4}, new int[] {5, 2}));
            for (NDArray a : out) {
                float[] f = a.toFloatArray();
                ByteBuffer b = ByteBuffer.allocate(f.length * 4);
                b.asFloatBuffer().put(f);
                md.update(b.array());
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
