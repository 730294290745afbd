package dev.attend.asr.models;

import java.nio.file.Path;

/**
 * A Vosk model folder on this machine.
 *
 * @param name   folder name (the catalog name for downloaded models)
 * @param dir    the model folder
 * @param source where it was found
 * @param lang   catalog language code ({@code en-us}, {@code cn}, …), or empty when unknown
 */
public record FoundModel(String name, Path dir, ModelSource source, String lang) {
}
