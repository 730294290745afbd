package dev.attend.fusion.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The voices and faces the shipped checkpoint was trained on, and the held-out ones its report is measured on.
 * Faces come from scikit-image's sample data (Debian {@code python3-skimage}): the astronaut photograph (NASA,
 * public domain) and the 25×25 faces of its Labeled-Faces-in-the-Wild subset.
 */
public final class DataDefaults {

    /** English accents of training (never the held-out ones, {@code en-gb-x-gbclan} and {@code en-gb-x-gbcwmd}). */
    public static final List<String> TRAIN_ACCENTS = List.of("en-us", "en-gb", "en-gb-x-rp", "en-gb-scotland",
            "en-029", "en-us-nyc");
    /** Non-English voices reading English: strong foreign accents, a small share of the training speech. */
    public static final List<String> FOREIGN_ACCENTS = List.of("de", "nl", "sv", "fr", "es", "it", "pl", "hi");
    /** espeak-ng voice variants ({@code espeak-ng --voices=variant}) of human-sounding voices. */
    public static final List<String> VARIANTS = List.of("m1", "m2", "m3", "m4", "m5", "m6", "m7", "m8", "f1", "f2",
            "f3", "f4", "f5", "adam", "Alex", "Alicia", "Andrea", "Andy", "Annie", "antonio", "aunty", "belinda",
            "benjamin", "boris", "caleb", "david", "Denis", "Diogo", "ed", "edward", "Gene", "Henrique", "Hugo", "iven",
            "Jacky", "john", "linda", "marcelo", "Marco", "Mario", "max", "Michael", "michel", "miguel", "Mike", "Mr",
            "Nguyen", "pablo", "paul", "pedro", "quincy", "rob", "robert", "steph", "Storm", "travis", "victor", "zac",
            "anika", "norbert", "sandro", "shelby", "grandpa", "grandma");
    /**
     * Training voices: every training accent with every variant, then each foreign voice with every eighth
     * variant (in that order: utterances take the voices in turn).
     */
    public static final List<String> TRAIN_VOICES = trainVoices();
    /** Base voices (accents) and variants never used in training. */
    public static final List<String> HELD_OUT_VOICES = List.of("en-gb-x-gbclan+f1", "en-gb-x-gbclan+m3",
            "en-gb-x-gbcwmd+f3", "en-gb-x-gbcwmd+m6");
    /** LFW faces 0..69 train, 70..99 are held out (the subset's first 100 images are faces). */
    public static final int LFW_TRAIN = 70;
    public static final int LFW_FACES = 100;

    private DataDefaults() {
    }

    private static List<String> trainVoices() {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < VARIANTS.size(); i++) {
            for (String a : TRAIN_ACCENTS) {
                v.add(a + "+" + VARIANTS.get((i + 7 * TRAIN_ACCENTS.indexOf(a)) % VARIANTS.size()));
            }
            if (i % 8 == 0) {
                for (String a : FOREIGN_ACCENTS) {
                    v.add(a + "+" + VARIANTS.get((i + 3 * FOREIGN_ACCENTS.indexOf(a)) % VARIANTS.size()));
                }
            }
        }
        return List.copyOf(v);
    }

    /**
     * scikit-image's data folder: {@code $ATTEND_SKIMAGE_DATA}, else the usual Python package folders, else asked
     * from the system's python3.
     */
    public static Path skimageData() throws IOException {
        List<Path> candidates = new ArrayList<>();
        String env = System.getenv("ATTEND_SKIMAGE_DATA");
        if (env != null && !env.isBlank()) {
            candidates.add(Path.of(env));
        }
        for (String root : List.of("/usr/lib/python3/dist-packages", "/usr/local/lib/python3/dist-packages")) {
            candidates.add(Path.of(root, "skimage", "data"));
        }
        for (Path c : candidates) {
            if (Files.isRegularFile(c.resolve("astronaut.png"))) {
                return c;
            }
        }
        for (String py : List.of("/usr/bin/python3", "python3")) {
            try {
                Process p = new ProcessBuilder(py, "-c",
                        "import os, skimage.data; print(os.path.dirname(skimage.data.__file__))")
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()
                        && Files.isRegularFile(Path.of(out, "astronaut.png"))) {
                    return Path.of(out);
                }
            } catch (IOException e) {
                // try the next interpreter
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        throw new IOException("scikit-image's sample data not found (install python3-skimage, set "
                + "ATTEND_SKIMAGE_DATA, or pass --faces)");
    }

    /** Face specs use the {@code skimage:} prefix for files of scikit-image's data folder. */
    public static final String SKIMAGE = "skimage:";

    public static List<String> trainFaces() {
        List<String> f = new ArrayList<>(List.of(SKIMAGE + "astronaut.png"));
        for (int i = 0; i < LFW_TRAIN; i++) {
            f.add(SKIMAGE + "lfw_subset.npy#" + i);
        }
        return f;
    }

    public static List<String> heldOutFaces() {
        List<String> f = new ArrayList<>();
        for (int i = LFW_TRAIN; i < LFW_FACES; i++) {
            f.add(SKIMAGE + "lfw_subset.npy#" + i);
        }
        return f;
    }

    /** A face spec with {@code skimage:} resolved to a file path. */
    public static String resolve(String spec) throws IOException {
        return spec.startsWith(SKIMAGE) ? skimageData().resolve(spec.substring(SKIMAGE.length())).toString() : spec;
    }
}
