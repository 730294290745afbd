/**
 * Who is speaking: the bundled Vosk x-vector model's files, the choice of vector source (libvosk's x-vector or the
 * compact one of {@code dev.attend.speaker.compact}), speaker vectors (cosine), the per-session clustering into
 * "Speaker 1, 2, …", enrolled profiles and their verification. Headless; uses only the JDK, Jackson, SLF4J and
 * {@code dev.attend.models}/{@code dev.attend.config}.
 */
package dev.attend.speaker;
