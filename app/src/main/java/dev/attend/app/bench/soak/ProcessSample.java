package dev.attend.app.bench.soak;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * One look at this process: resident memory, heap in use right after a full GC, live threads and open file
 * descriptors. RSS and fds come from {@code /proc/self} (Linux); elsewhere they are -1.
 */
public record ProcessSample(double elapsedSeconds, double rssMiB, double heapMiB, int threads, long fds) {

    private static final double MIB = 1024.0 * 1024.0;

    /** Takes a sample; runs {@code System.gc()} first so the heap figure is what is really kept. */
    public static ProcessSample take(double elapsedSeconds) {
        System.gc();
        double heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / MIB;
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        return new ProcessSample(elapsedSeconds, readRssMiB(), heap, threads, countFds());
    }

    static double readRssMiB() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/self/status"))) {
            return lines.filter(l -> l.startsWith("VmRSS:")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024.0).orElse(-1.0);
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long countFds() {
        try (Stream<Path> s = Files.list(Path.of("/proc/self/fd"))) {
            return s.count() - 1; // the listing's own descriptor
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }
}
