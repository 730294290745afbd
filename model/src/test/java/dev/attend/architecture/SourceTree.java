package dev.attend.architecture;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The main Java sources of every module of the build, found from the parent pom above the test's folder. */
final class SourceTree {

    private SourceTree() {
    }

    /** The folder of the parent pom (the one listing {@code <module>model</module>}). */
    static Path root() {
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            Path pom = p.resolve("pom.xml");
            try {
                if (Files.isRegularFile(pom) && Files.readString(pom).contains("<module>model</module>")) {
                    return p;
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        throw new IllegalStateException("no parent pom above " + Path.of("").toAbsolutePath());
    }

    /** Every {@code src/main/java} folder of a module (model, ui, app, fusion, …). */
    static List<Path> mainRoots() {
        try (Stream<Path> modules = Files.list(root())) {
            return modules.map(m -> m.resolve("src/main/java")).filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every main {@code .java} file, as a path from the repository root with forward slashes. */
    static List<Path> mainFiles() {
        return mainRoots().stream().flatMap(SourceTree::javaFiles).toList();
    }

    private static Stream<Path> javaFiles(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(f -> f.toString().endsWith(".java")).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String name(Path file) {
        return root().relativize(file).toString().replace('\\', '/');
    }
}
