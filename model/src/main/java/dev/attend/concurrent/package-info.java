/**
 * Threads and executors: the one naming thread factory ({@link dev.attend.concurrent.AttendThreads}, the only
 * place allowed to create a thread) and the app-wide {@link dev.attend.concurrent.TaskExecutor} with a pool and a
 * deterministic same-thread implementation. Depends on SLF4J only.
 */
package dev.attend.concurrent;
