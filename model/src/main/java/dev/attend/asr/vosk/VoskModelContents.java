package dev.attend.asr.vosk;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks what is inside a model's files before libvosk reads them: an empty or foreign {@code final.mdl} and a
 * damaged decoding graph are refused with one line. This matters beyond the message: libvosk prints the raw bytes
 * of a bad token to stderr, and an FST whose header is intact but whose counts are garbage makes it allocate and
 * read without end (it hung for over a minute on a 1 KiB file).
 */
final class VoskModelContents {

    /** OpenFST's magic number, the first four bytes (little-endian) of every binary FST. */
    static final int FST_MAGIC = 2125659606;
    private static final byte[] AM_TOKEN = "<TransitionModel>".getBytes(StandardCharsets.US_ASCII);
    /** Fewest bytes any OpenFST body format spends on one state and one arc (VectorFst: 12 and 16). */
    private static final long MIN_STATE_BYTES = 12;
    private static final long MIN_ARC_BYTES = 16;

    private VoskModelContents() {
    }

    /** @throws VoskModelException naming the damaged file and what is wrong with it */
    static void check(VoskModelFolder folder) {
        Path d = folder.dir();
        Path am = folder.flat() ? d.resolve("final.mdl") : d.resolve("am/final.mdl");
        checkAcousticModel(d, am);
        for (String name : List.of("HCLG.fst", "HCLr.fst", "Gr.fst")) {
            Path f = folder.graphDir().resolve(name);
            if (Files.isRegularFile(f)) {
                checkFst(d, f);
            }
        }
    }

    /** A Kaldi nnet3 model starts with the transition model, binary ({@code \0B}) or text. */
    static void checkAcousticModel(Path root, Path am) {
        byte[] head = readHead(am, 2 + AM_TOKEN.length);
        if (head.length == 0) {
            throw damaged(root, am, "is empty");
        }
        int off = head.length >= 2 && head[0] == 0 && head[1] == 'B' ? 2 : 0;
        if (!startsWith(head, off, AM_TOKEN)) {
            throw damaged(root, am, "is not a Kaldi acoustic model (it does not start with <TransitionModel>)");
        }
    }

    /**
     * Reads the OpenFST header (magic, FST type, arc type, version, flags, properties, start, state and arc counts)
     * and checks that the file can hold that many states and arcs.
     */
    static void checkFst(Path root, Path fst) {
        long size;
        try {
            size = Files.size(fst);
        } catch (IOException e) {
            throw new VoskModelException("cannot read " + fst + ": " + e.getMessage(), e);
        }
        try (InputStream in = Files.newInputStream(fst)) {
            DataInputStream data = new DataInputStream(in);
            if (size < 4 || leInt(data) != FST_MAGIC) {
                throw damaged(root, fst, size == 0 ? "is empty" : "is not an OpenFST graph (wrong magic number)");
            }
            long used = 4;
            List<String> strings = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                int len = leInt(data);
                if (len < 0 || len > 64) {
                    throw damaged(root, fst, "has a garbled header");
                }
                strings.add(new String(data.readNBytes(len), StandardCharsets.US_ASCII));
                used += 4 + len;
            }
            data.skipNBytes(4 + 4 + 8 + 8); // version, flags, properties, start
            long states = leLong(data);
            long arcs = leLong(data);
            used += 24 + 16;
            if (states < 0 || arcs < 0 || states > size || arcs > size
                    || used + states * MIN_STATE_BYTES + arcs * MIN_ARC_BYTES > size) {
                throw damaged(root, fst, "is cut short or garbled (its header announces " + states + " states and "
                        + arcs + " arcs, more than its " + size + " bytes can hold)");
            }
        } catch (EOFException e) {
            throw damaged(root, fst, "ends inside its header (" + size + " bytes)");
        } catch (IOException e) {
            throw new VoskModelException("cannot read " + fst + ": " + e.getMessage(), e);
        }
    }

    private static VoskModelException damaged(Path root, Path file, String why) {
        return new VoskModelException("damaged Vosk model " + root + ": " + root.relativize(file) + " " + why
                + "; download or unpack the model again");
    }

    private static byte[] readHead(Path f, int n) {
        try (InputStream in = Files.newInputStream(f)) {
            return in.readNBytes(n);
        } catch (IOException e) {
            throw new VoskModelException("cannot read " + f + ": " + e.getMessage(), e);
        }
    }

    private static boolean startsWith(byte[] a, int off, byte[] prefix) {
        if (a.length - off < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (a[off + i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int leInt(DataInputStream in) throws IOException {
        byte[] b = new byte[4];
        in.readFully(b);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getInt();
    }

    private static long leLong(DataInputStream in) throws IOException {
        byte[] b = new byte[8];
        in.readFully(b);
        return ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN).getLong();
    }
}
