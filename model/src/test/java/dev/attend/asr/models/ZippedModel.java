package dev.attend.asr.models;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * A model folder zipped the way the official archives are (one top folder named after the model), with its MD5.
 * The seam for an end-to-end test: give it the folder the tone-model generator wrote, serve it with
 * {@link LocalModelServer}, install it with {@link VoskModelManager}, then decode with libvosk.
 */
final class ZippedModel {

    private final String name;
    private final byte[] bytes;

    /** Zips {@code modelFolder} under a top folder of the same name. */
    ZippedModel(Path modelFolder) throws IOException {
        this(modelFolder, modelFolder.getFileName().toString());
    }

    /** Zips {@code modelFolder} under the top folder {@code name}. */
    ZippedModel(Path modelFolder, String name) throws IOException {
        this.name = name;
        this.bytes = zip(modelFolder, name);
    }

    ZippedModel(String name, byte[] bytes) {
        this.name = name;
        this.bytes = bytes.clone();
    }

    String name() {
        return name;
    }

    byte[] bytes() {
        return bytes.clone();
    }

    String md5() {
        return md5(bytes);
    }

    /** A catalog entry for this archive, served from {@code url}. */
    VoskModelInfo info(String url, String md5) {
        return new VoskModelInfo(name, "en-us", "US English", bytes.length, bytes.length / 1024 + "K", md5, url,
                "small", false, "0.1");
    }

    static String md5(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] zip(Path folder, String top) throws IOException {
        ByteArrayOutputStream bos = new ByteArrayOutputStream();
        try (ZipOutputStream zos = new ZipOutputStream(bos); Stream<Path> walk = Files.walk(folder)) {
            List<Path> paths = walk.sorted().toList();
            for (Path p : paths) {
                String rel = folder.relativize(p).toString().replace('\\', '/');
                String entry = rel.isEmpty() ? top + "/" : top + "/" + rel + (Files.isDirectory(p) ? "/" : "");
                zos.putNextEntry(new ZipEntry(entry));
                if (Files.isRegularFile(p)) {
                    zos.write(Files.readAllBytes(p));
                }
                zos.closeEntry();
            }
        }
        return bos.toByteArray();
    }
}
