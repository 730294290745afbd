package dev.attend.asr.models;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.compress.archivers.zip.UnixStat;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Unpacks a zip into an empty folder, refusing anything that could write elsewhere or fill the disk: entry names with
 * {@code ..}, absolute or drive-letter paths, symbolic links and other non-regular entries (unix mode bits in the
 * entry's external attributes), more entries or more bytes than {@link ExtractionLimits} allow. Every entry is
 * checked before the first byte is written; the byte cap is enforced again while writing, since declared sizes can
 * lie. On failure the caller deletes the folder (it is a temporary one beside the final place).
 */
public final class SafeZipExtractor {

    private final ExtractionLimits limits;

    public SafeZipExtractor(ExtractionLimits limits) {
        this.limits = limits;
    }

    /** Unpacks {@code zip} into {@code dest}, which must exist and be empty. */
    public void extract(Path zip, Path dest) throws IOException {
        extract(zip, dest, new Cancellation());
    }

    /** As {@link #extract(Path, Path)}, stopping between entries once {@code cancel} is flipped. */
    public void extract(Path zip, Path dest, Cancellation cancel) throws IOException {
        String label = zip.getFileName().toString();
        try (ZipFile zf = ZipFile.builder().setPath(zip).get()) {
            List<ZipArchiveEntry> entries = Collections.list(zf.getEntries());
            if (entries.size() > limits.maxEntries()) {
                throw new UnsafeArchiveException("archive " + label + " has " + entries.size()
                        + " entries, more than the " + limits.maxEntries() + " allowed; refusing to unpack it");
            }
            List<String> names = new ArrayList<>(entries.size());
            long declared = 0;
            for (ZipArchiveEntry e : entries) {
                names.add(checkedName(label, e));
                declared += Math.max(0, e.getSize());
                if (declared > limits.maxTotalBytes()) {
                    throw tooBig(label);
                }
            }
            Path root = dest.toAbsolutePath().normalize();
            long written = 0;
            byte[] buf = new byte[1 << 16];
            for (int i = 0; i < entries.size(); i++) {
                cancel.check("unpacking " + label);
                ZipArchiveEntry e = entries.get(i);
                Path out = root.resolve(names.get(i)).normalize();
                if (out.equals(root) && e.isDirectory()) {
                    continue; // a "./" entry
                }
                if (!out.startsWith(root) || out.equals(root)) {
                    throw new UnsafeArchiveException("archive " + label + " entry '" + e.getName()
                            + "' points outside the model folder; refusing to unpack it");
                }
                if (e.isDirectory()) {
                    Files.createDirectories(out);
                    continue;
                }
                Files.createDirectories(out.getParent());
                try (InputStream in = zf.getInputStream(e);
                     OutputStream os = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        written += n;
                        if (written > limits.maxTotalBytes()) {
                            throw tooBig(label);
                        }
                        os.write(buf, 0, n);
                    }
                }
            }
        } catch (java.nio.file.FileAlreadyExistsException e) {
            throw new UnsafeArchiveException("archive " + label + " holds the same path twice ("
                    + e.getFile() + "); refusing to unpack it");
        } catch (java.util.zip.ZipException e) {
            throw new IOException("archive " + label + " is not a readable zip file (" + e.getMessage()
                    + "); delete it and download again", e);
        }
    }

    private UnsafeArchiveException tooBig(String label) {
        return new UnsafeArchiveException("archive " + label + " unpacks to more than " + limits.maxTotalBytes()
                + " bytes (zip bomb?); refusing to unpack it");
    }

    /** The entry's name as a safe relative path with '/' separators, or an exception saying why not. */
    static String checkedName(String label, ZipArchiveEntry e) throws UnsafeArchiveException {
        String raw = e.getName();
        String prefix = "archive " + label + " entry '" + raw + "' ";
        if (raw == null || raw.isEmpty() || raw.indexOf('\0') >= 0) {
            throw new UnsafeArchiveException(prefix + "has an empty or invalid name; refusing to unpack it");
        }
        String name = raw.replace('\\', '/');
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            throw new UnsafeArchiveException(prefix + "is an absolute path; refusing to unpack it");
        }
        for (String seg : name.split("/")) {
            if (seg.equals("..")) {
                throw new UnsafeArchiveException(prefix + "climbs out of its folder with '..'; refusing to unpack it");
            }
        }
        int type = e.getPlatform() == ZipArchiveEntry.PLATFORM_UNIX ? e.getUnixMode() & UnixStat.FILE_TYPE_FLAG : 0;
        if (e.isUnixSymlink() || type == UnixStat.LINK_FLAG) {
            throw new UnsafeArchiveException(prefix + "is a symbolic link; model archives hold only plain files");
        }
        if (type != 0 && type != UnixStat.FILE_FLAG && type != UnixStat.DIR_FLAG) {
            throw new UnsafeArchiveException(prefix + "is a special file (mode " + Integer.toOctalString(type)
                    + "); model archives hold only plain files");
        }
        return name;
    }
}
