package dev.attend.translate;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a {@code .mode} file into the programs of its pipeline, in null-flush mode ({@code -z}: each program
 * translates up to a {@code \0}, writes it, writes {@code \0} and flushes, so one segment goes through without
 * closing the pipe).
 *
 * <p>The {@code -z} line comes from {@code apertium-wblank-mode -z MODE}, exactly as the {@code apertium} script
 * builds it (the same programs and word-bound-blank handling, so results equal the command line's); without that
 * tool, {@code -z} is added after each program name. {@code $1} is the generator's option ({@code -g}: mark
 * unknown words, as the script's default) and {@code $2} the tagger's (empty).
 *
 * <p>The line is split into one command per program and they are started with
 * {@link ProcessBuilder#startPipeline} rather than {@code bash -c LINE}: no shell quoting at run time, and every
 * program is a {@link Process} we can see die and kill, so a killed stage never leaves orphans holding our pipes.
 * A line using shell syntax beyond quotes and pipes falls back to {@code bash -c}.
 */
final class ApertiumMode {

    private static final Logger LOG = LoggerFactory.getLogger(ApertiumMode.class);
    private static final String GENERATOR_OPTION = "-g";

    private ApertiumMode() {
    }

    /** The pipeline's commands, one list of arguments per program. */
    static List<List<String>> commands(ApertiumInstall install, Path modeFile) {
        String line = nullFlushLine(install, modeFile);
        Optional<List<List<String>>> parsed = parse(line, GENERATOR_OPTION, "");
        if (parsed.isPresent() && !parsed.get().isEmpty()) {
            return parsed.get();
        }
        LOG.info("mode {} uses shell syntax; running it through bash", modeFile);
        return List.of(List.of("bash", "-c", line, "apertium-mode", GENERATOR_OPTION, ""));
    }

    private static String nullFlushLine(ApertiumInstall install, Path modeFile) {
        Optional<Path> wblank = install.findProgram("apertium-wblank-mode");
        if (wblank.isPresent()) {
            try {
                Process p = new ProcessBuilder(wblank.get().toString(), "-z", modeFile.toString())
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
                p.getOutputStream().close();
                String out;
                try (InputStream in = p.getInputStream()) {
                    out = new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
                }
                if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                    return out;
                }
                p.destroyForcibly();
            } catch (IOException e) {
                LOG.warn("apertium-wblank-mode failed on {}: {}", modeFile, e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            String line = String.join(" ", Files.readAllLines(modeFile, StandardCharsets.UTF_8)).strip();
            return parse(line, "$1", "$2").map(ApertiumMode::withNullFlush).orElse(line);
        } catch (IOException e) {
            throw new TranslatorUnavailableException("cannot read Apertium mode " + modeFile + ": " + e.getMessage()
                    + "; reinstall the Debian package " + ApertiumInstall.debianPackage(
                    modeFile.getFileName().toString().replace(".mode", "")), "apertium");
        }
    }

    /** Adds -z after each program name (for installs without apertium-wblank-mode). */
    private static String withNullFlush(List<List<String>> commands) {
        List<String> parts = new ArrayList<>();
        for (List<String> cmd : commands) {
            List<String> c = new ArrayList<>(cmd);
            if (!c.contains("-z")) {
                c.add(1, "-z");
            }
            parts.add(String.join(" ", c.stream().map(ApertiumMode::quote).toList()));
        }
        return String.join(" | ", parts);
    }

    private static String quote(String arg) {
        if (arg.equals("$1") || arg.equals("$2") || arg.matches("[A-Za-z0-9_./=:+-]+")) {
            return arg;
        }
        return "'" + arg.replace("'", "'\\''") + "'";
    }

    /**
     * Splits a mode line into commands: words separated by blanks, single/double quotes and backslashes as in the
     * shell, programs separated by {@code |}; unquoted {@code $1}/{@code $2} replaced (dropped when empty). Empty
     * when the line uses any other shell syntax (redirections, substitutions, lists).
     */
    static Optional<List<List<String>>> parse(String line, String arg1, String arg2) {
        List<List<String>> commands = new ArrayList<>();
        List<String> current = new ArrayList<>();
        StringBuilder word = null;
        boolean quotedWord = false;
        int n = line.length();
        for (int i = 0; i < n; i++) {
            char c = line.charAt(i);
            if (c == '\'') {
                int end = line.indexOf('\'', i + 1);
                if (end < 0) {
                    return Optional.empty();
                }
                word = word == null ? new StringBuilder() : word;
                word.append(line, i + 1, end);
                quotedWord = true;
                i = end;
            } else if (c == '"') {
                word = word == null ? new StringBuilder() : word;
                quotedWord = true;
                int j = i + 1;
                for (; j < n && line.charAt(j) != '"'; j++) {
                    char d = line.charAt(j);
                    if (d == '$' || d == '`') {
                        return Optional.empty();
                    }
                    if (d == '\\' && j + 1 < n && "\"\\$`".indexOf(line.charAt(j + 1)) >= 0) {
                        j++;
                        d = line.charAt(j);
                    }
                    word.append(d);
                }
                if (j >= n) {
                    return Optional.empty();
                }
                i = j;
            } else if (c == '\\' && i + 1 < n) {
                word = word == null ? new StringBuilder() : word;
                word.append(line.charAt(++i));
            } else if (c == '$') {
                if (i + 1 < n && (line.charAt(i + 1) == '1' || line.charAt(i + 1) == '2')
                        && (i + 2 >= n || Character.isWhitespace(line.charAt(i + 2)) || line.charAt(i + 2) == '|')
                        && word == null) {
                    String value = line.charAt(i + 1) == '1' ? arg1 : arg2;
                    if (!value.isEmpty()) {
                        current.add(value);
                    }
                    i++;
                } else {
                    return Optional.empty();
                }
            } else if (Character.isWhitespace(c) || c == '|') {
                if (word != null) {
                    current.add(word.toString());
                    word = null;
                    quotedWord = false;
                }
                if (c == '|') {
                    if (current.isEmpty()) {
                        return Optional.empty();
                    }
                    commands.add(List.copyOf(current));
                    current = new ArrayList<>();
                }
            } else if ("<>;&()`*?".indexOf(c) >= 0) {
                return Optional.empty();
            } else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null || quotedWord) {
            current.add(word == null ? "" : word.toString());
        }
        if (current.isEmpty()) {
            return commands.isEmpty() ? Optional.of(List.of()) : Optional.empty();
        }
        commands.add(List.copyOf(current));
        return Optional.of(List.copyOf(commands));
    }
}
