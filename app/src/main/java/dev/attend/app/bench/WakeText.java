package dev.attend.app.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * English text for the false-accept corpus, from a Debian text package: the {@code fortunes} collection
 * (quotations, jokes, definitions, poems; package {@code fortunes}), else the licence texts every Debian system has
 * ({@code base-files}). Passages naming a wake word are left out.
 *
 * @param source where the text came from
 * @param passages cleaned passages, in a fixed order
 * @param sha256 of the passages, so a changed corpus makes new audio
 */
record WakeText(String source, List<String> passages, String sha256) {

    static final Path FORTUNES = Path.of("/usr/share/games/fortunes");
    static final Path LICENSES = Path.of("/usr/share/common-licenses");
    /** The bundled heads' words (near misses such as "Travis" stay: they are fair negatives). */
    private static final Pattern WAKE = Pattern.compile("jarvis|mycroft|alexa|rhasspy",
            Pattern.CASE_INSENSITIVE);
    /** Pictures drawn with characters: not text. */
    private static final List<String> SKIP = List.of("art", "ascii-art");

    /** The fortunes when installed, else the licences; fails with what to install when neither is there. */
    static WakeText load() throws IOException {
        if (Files.isDirectory(FORTUNES)) {
            List<String> out = new ArrayList<>();
            for (Path f : sorted(FORTUNES)) {
                String name = f.getFileName().toString();
                if (!name.contains(".") && !SKIP.contains(name) && Files.isRegularFile(f)) {
                    for (String p : Files.readString(f, StandardCharsets.ISO_8859_1).split("\n%\n")) {
                        add(out, p);
                    }
                }
            }
            if (!out.isEmpty()) {
                return of("fortunes (" + FORTUNES + ")", out);
            }
        }
        if (Files.isDirectory(LICENSES)) {
            List<String> out = new ArrayList<>();
            for (Path f : sorted(LICENSES)) {
                if (Files.isRegularFile(f) && !Files.isSymbolicLink(f)) {
                    for (String p : Files.readString(f, StandardCharsets.UTF_8).split("\n\\s*\n")) {
                        add(out, p);
                    }
                }
            }
            if (!out.isEmpty()) {
                return of("licence texts (" + LICENSES + ")", out);
            }
        }
        throw new IOException("no English text corpus found: install the Debian package 'fortunes' (" + FORTUNES
                + ") or provide " + LICENSES);
    }

    private static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    /** One passage, whitespace collapsed, if it is mostly words and names no wake word. */
    private static void add(List<String> out, String raw) {
        String p = raw.replaceAll("\\s+", " ").strip();
        long letters = p.chars().filter(Character::isLetter).count();
        long visible = p.chars().filter(c -> !Character.isWhitespace(c)).count();
        if (letters >= 20 && letters >= 0.8 * visible && p.length() <= 1200 && !WAKE.matcher(p).find()) {
            out.add(p);
        }
    }

    private static WakeText of(String source, List<String> passages) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String p : passages) {
                md.update(p.getBytes(StandardCharsets.UTF_8));
                md.update((byte) '\n');
            }
            return new WakeText(source, List.copyOf(passages), HexFormat.of().formatHex(md.digest()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    int words() {
        return passages.stream().mapToInt(p -> p.split(" ").length).sum();
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s: %d passages, %d words", source, passages.size(), words());
    }
}
