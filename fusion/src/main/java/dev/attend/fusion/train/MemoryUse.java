package dev.attend.fusion.train;

import java.io.IOException;
import java.lang.management.BufferPoolMXBean;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where a training process's memory is, in MB: resident set, Java heap (used / committed), direct buffers (DJL's
 * copies of Java data), and the rest of the resident set — libtorch's tensors and allocator, JVM code and metaspace.
 *
 * @param nativeMb {@code rssMb} minus the committed heap, the committed non-heap and the direct buffers (≥ 0)
 */
public record MemoryUse(long rssMb, long heapUsedMb, long heapCommittedMb, long directMb, long nativeMb) {

    private static final long MB = 1024 * 1024;

    /** The figures now (Linux for the resident set; 0 elsewhere). */
    public static MemoryUse now() {
        long rss = residentMb();
        var mem = ManagementFactory.getMemoryMXBean();
        long heapUsed = mem.getHeapMemoryUsage().getUsed() / MB;
        long heapCommitted = mem.getHeapMemoryUsage().getCommitted() / MB;
        long nonHeap = mem.getNonHeapMemoryUsage().getCommitted() / MB;
        long direct = 0;
        for (BufferPoolMXBean p : ManagementFactory.getPlatformMXBeans(BufferPoolMXBean.class)) {
            if ("direct".equals(p.getName())) {
                direct = p.getMemoryUsed() / MB;
            }
        }
        long nat = rss == 0 ? 0 : Math.max(0, rss - heapCommitted - nonHeap - direct);
        return new MemoryUse(rss, heapUsed, heapCommitted, direct, nat);
    }

    /** Resident set size of this process in MB (Linux; 0 elsewhere). */
    public static long residentMb() {
        return status("VmRSS:");
    }

    /** The largest resident set size this process has had, in MB (Linux; 0 elsewhere): catches peaks between samples. */
    public static long peakResidentMb() {
        return status("VmHWM:");
    }

    private static long status(String field) {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith(field)) {
                    return Long.parseLong(l.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
        return 0;
    }
}
