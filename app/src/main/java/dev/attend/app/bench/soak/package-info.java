/** The soak bench: repeated all-stage sessions, process samples (RSS, heap after GC, threads, fds) and their trend. */
package dev.attend.app.bench.soak;
