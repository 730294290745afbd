package dev.attend.fusion.live;

import dev.attend.fusion.model.FusionModel;
import dev.attend.models.BundledModel;
import dev.attend.models.ModelIntegrityException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The fusion checkpoint shipped in the resources jar ({@code /dev/attend/resources/fusion/}), each file checked
 * against {@code SHA256SUMS} next to it. Provenance, training lists and its eval report are in that folder's
 * {@code FUSION-MODEL.md}.
 */
public final class BundledFusionModel {

    public static final String DIR = "/dev/attend/resources/fusion/";

    private BundledFusionModel() {
    }

    /** True when the resources jar has a fusion checkpoint. */
    public static boolean present() {
        return BundledFusionModel.class.getResource(DIR + "SHA256SUMS") != null;
    }

    /** @throws IOException (a {@link ModelIntegrityException} when missing or damaged) */
    public static FusionModel load() throws IOException {
        Map<String, String> sums = sums();
        byte[] cfg = verified(FusionModel.CONFIG_FILE, sums);
        byte[] params = verified(FusionModel.PARAMS_FILE, sums);
        return FusionModel.load(cfg, params, "bundled " + FusionModel.PARAMS_FILE);
    }

    private static byte[] verified(String name, Map<String, String> sums) throws IOException {
        String sha = sums.get(name);
        if (sha == null) {
            throw new ModelIntegrityException("bundled fusion model: SHA256SUMS lists no " + name);
        }
        return new BundledModel(DIR + name, sha).readVerified();
    }

    private static Map<String, String> sums() throws IOException {
        try (InputStream in = BundledFusionModel.class.getResourceAsStream(DIR + "SHA256SUMS")) {
            if (in == null) {
                throw new ModelIntegrityException("no bundled fusion model (" + DIR + "SHA256SUMS missing from the "
                        + "class path); train one with 'attend train' and pass --model");
            }
            Map<String, String> m = new HashMap<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String[] f = line.trim().split("\\s+");
                if (f.length == 2) {
                    m.put(f[1], f[0]);
                }
            }
            return m;
        }
    }
}
