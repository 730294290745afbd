import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Build tool of the installer (run as a single-file program: {@code java StripNatives.java LIB OUT PREFIXES}).
 * Copies every jar of LIB to OUT, leaving out the entries under the given path prefixes (one per line in the
 * PREFIXES file; '#' starts a comment): the other platforms' native libraries that ONNX Runtime, Vosk, JNA and
 * DJL's tokenizers carry in one jar for all systems. Prints what it cut. Hand-written because no Maven plugin
 * filters entries of many dependency jars at once; it uses nothing but the JDK.
 */
public final class StripNatives {

    public static void main(String[] args) throws IOException {
        if (args.length != 3) {
            System.err.println("usage: java StripNatives.java LIB_DIR OUT_DIR PREFIXES_FILE");
            System.exit(2);
        }
        Path lib = Path.of(args[0]);
        Path out = Path.of(args[1]);
        List<String> prefixes = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            String p = line.replaceAll("#.*", "").trim();
            if (!p.isEmpty()) {
                prefixes.add(p);
            }
        }
        Files.createDirectories(out);
        long before = 0;
        long after = 0;
        try (Stream<Path> jars = Files.list(lib)) {
            for (Path jar : jars.sorted().toList()) {
                Path target = out.resolve(jar.getFileName());
                long size = Files.size(jar);
                before += size;
                if (!jar.toString().toLowerCase(Locale.ROOT).endsWith(".jar") || !hasAny(jar, prefixes)) {
                    Files.copy(jar, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    after += size;
                    continue;
                }
                int cut = rewrite(jar, target, prefixes);
                long newSize = Files.size(target);
                after += newSize;
                System.out.printf(Locale.ROOT, "stripped %-50s %4d entries, %6.1f MB -> %6.1f MB%n",
                        jar.getFileName(), cut, size / 1e6, newSize / 1e6);
            }
        }
        System.out.printf(Locale.ROOT, "libraries: %.1f MB -> %.1f MB%n", before / 1e6, after / 1e6);
    }

    private static boolean hasAny(Path jar, List<String> prefixes) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return zip.stream().anyMatch(e -> cut(e.getName(), prefixes));
        }
    }

    private static boolean cut(String name, List<String> prefixes) {
        for (String p : prefixes) {
            if (name.startsWith(p)) {
                return true;
            }
        }
        return false;
    }

    private static int rewrite(Path jar, Path target, List<String> prefixes) throws IOException {
        int cut = 0;
        try (ZipFile zip = new ZipFile(jar.toFile());
             OutputStream os = Files.newOutputStream(target);
             ZipOutputStream zos = new ZipOutputStream(os)) {
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                if (cut(e.getName(), prefixes)) {
                    cut++;
                    continue;
                }
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(e.getTime());
                zos.putNextEntry(copy);
                try (InputStream in = zip.getInputStream(e)) {
                    in.transferTo(zos);
                }
                zos.closeEntry();
            }
        }
        return cut;
    }
}
