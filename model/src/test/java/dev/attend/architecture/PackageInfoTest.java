package dev.attend.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every main package says what it holds and what it may use, in a {@code package-info.java}. */
class PackageInfoTest {

    @Test
    void everyMainPackageHasAPackageInfo() {
        List<Path> packages = SourceTree.mainFiles().stream().map(Path::getParent).distinct().toList();
        List<String> missing = packages.stream().filter(p -> !Files.isRegularFile(p.resolve("package-info.java")))
                .map(SourceTree::name).toList();
        assertThat(packages).hasSizeGreaterThan(30); // the scan found the modules' packages
        assertThat(missing).as("packages without package-info.java").isEmpty();
    }

    @Test
    void eachPackageInfoSaysSomething() throws java.io.IOException {
        List<String> silent = new java.util.ArrayList<>();
        for (Path f : SourceTree.mainFiles()) {
            if (f.getFileName().toString().equals("package-info.java") && !Files.readString(f).contains("/**")) {
                silent.add(SourceTree.name(f));
            }
        }
        assertThat(silent).as("package-info.java without a javadoc line on what the package holds").isEmpty();
    }
}
