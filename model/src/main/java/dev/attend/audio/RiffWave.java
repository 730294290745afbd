package dev.attend.audio;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;

/**
 * The header of a RIFF/WAVE file, read by walking its chunks: any number of chunks of any size ({@code JUNK},
 * {@code LIST}, {@code bext}, …) may come before {@code fmt } and {@code data}, which Java Sound's reader refuses
 * once they pass its 8 KiB look-ahead. The data length is what the file really holds: a header that claims more
 * (a cut download, a recorder that died) is reported by {@link #truncated()}, and the placeholders streaming
 * writers leave (0, or nearly 4 GiB) just mean "to the end of the file".
 *
 * @param format        the samples' format (PCM, float, µ-law or A-law)
 * @param dataOffset    byte offset of the first sample
 * @param declaredBytes the {@code data} chunk's size as written in the header
 * @param dataBytes     bytes of whole frames actually there
 */
public record RiffWave(AudioFormat format, long dataOffset, long declaredBytes, long dataBytes) {

    private static final int PCM = 1;
    private static final int FLOAT = 3;
    private static final int ALAW = 6;
    private static final int ULAW = 7;
    private static final int EXTENSIBLE = 0xFFFE;

    /** Whether the file starts with "RIFF" … "WAVE". */
    public static boolean isRiffWave(Path p) {
        try (InputStream in = Files.newInputStream(p)) {
            byte[] h = in.readNBytes(12);
            return h.length == 12 && ascii(h, 0).equals("RIFF") && ascii(h, 8).equals("WAVE");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Reads the header of a file that {@link #isRiffWave} accepted.
     *
     * @throws IOException with a one-line reason when a chunk runs past the end, {@code fmt } is missing or
     *                     malformed, or the encoding is not PCM, float, µ-law or A-law
     */
    public static RiffWave read(Path p) throws IOException {
        try (SeekableByteChannel ch = Files.newByteChannel(p)) {
            long size = ch.size();
            long pos = 12;
            AudioFormat format = null;
            while (pos + 8 <= size) {
                ByteBuffer h = readAt(ch, pos, 8);
                String id = ascii(h.array(), 0);
                long len = Integer.toUnsignedLong(h.getInt(4));
                long body = pos + 8;
                if (id.equals("fmt ")) {
                    if (len < 16 || body + len > size) {
                        throw new IOException("its fmt chunk is damaged");
                    }
                    format = parseFormat(readAt(ch, body, (int) Math.min(len, 40)));
                } else if (id.equals("data")) {
                    if (format == null) {
                        throw new IOException("its data chunk comes before the fmt chunk");
                    }
                    long available = size - body;
                    boolean placeholder = len == 0 || len >= 0xFFFF_FF00L;
                    long bytes = placeholder ? available : Math.min(len, available);
                    int frame = format.getFrameSize();
                    return new RiffWave(format, body, placeholder ? available : len, bytes - bytes % frame);
                }
                pos = body + len + (len & 1); // chunks are padded to an even size
            }
            throw new IOException(format == null ? "it has no fmt chunk" : "it has no data chunk");
        }
    }

    /** Seconds the header claims. */
    public double declaredSeconds() {
        return declaredBytes / (double) format.getFrameSize() / format.getFrameRate();
    }

    /** Seconds of audio the file really holds. */
    public double seconds() {
        return dataBytes / (double) format.getFrameSize() / format.getFrameRate();
    }

    /** True when the header claims more audio than the file holds (by more than one frame). */
    public boolean truncated() {
        return declaredBytes - dataBytes >= format.getFrameSize();
    }

    public long frames() {
        return dataBytes / format.getFrameSize();
    }

    private static AudioFormat parseFormat(ByteBuffer b) throws IOException {
        int tag = b.getShort(0) & 0xFFFF;
        int channels = b.getShort(2) & 0xFFFF;
        long rate = Integer.toUnsignedLong(b.getInt(4));
        int blockAlign = b.getShort(12) & 0xFFFF;
        int bits = b.getShort(14) & 0xFFFF;
        if (tag == EXTENSIBLE && b.limit() >= 26) {
            tag = b.getShort(24) & 0xFFFF; // the sub-format GUID starts with the plain format tag
        }
        if (channels == 0 || rate == 0 || blockAlign == 0 || bits == 0) {
            throw new IOException("its fmt chunk has zero channels, rate, block size or sample width");
        }
        if (blockAlign < channels * ((bits + 7) / 8)) {
            throw new IOException("its block size " + blockAlign + " is too small for " + channels + " x " + bits
                    + "-bit samples");
        }
        // the container's frame (block) size wins: 24-bit samples in 32-bit slots, 20-bit in 24, …
        int slotBits = blockAlign / channels * 8;
        AudioFormat.Encoding enc = switch (tag) {
            case PCM -> slotBits == 8 ? AudioFormat.Encoding.PCM_UNSIGNED : AudioFormat.Encoding.PCM_SIGNED;
            case FLOAT -> AudioFormat.Encoding.PCM_FLOAT;
            case ALAW -> AudioFormat.Encoding.ALAW;
            case ULAW -> AudioFormat.Encoding.ULAW;
            default -> throw new IOException("its encoding (format tag " + tag + ") is not PCM, float, µ-law or "
                    + "A-law");
        };
        return new AudioFormat(enc, rate, slotBits, channels, blockAlign, rate, false);
    }

    private static ByteBuffer readAt(SeekableByteChannel ch, long pos, int n) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        ch.position(pos);
        while (b.hasRemaining()) {
            if (ch.read(b) < 0) {
                throw new IOException("it ends inside its header");
            }
        }
        b.flip();
        return b;
    }

    private static String ascii(byte[] b, int off) {
        return new String(b, off, 4, StandardCharsets.US_ASCII);
    }
}
