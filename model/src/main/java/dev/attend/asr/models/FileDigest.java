package dev.attend.asr.models;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The byte count, MD5 (what the official Vosk model list publishes) and SHA-256 (what the built-in list pins) of a
 * file, read in one pass: a model zip can be gigabytes.
 */
record FileDigest(long size, String md5, String sha256) {

    static FileDigest of(Path file) throws IOException {
        MessageDigest md5 = digest("MD5");
        MessageDigest sha = digest("SHA-256");
        byte[] buf = new byte[1 << 16];
        long size = 0;
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                md5.update(buf, 0, n);
                sha.update(buf, 0, n);
                size += n;
            }
        }
        return new FileDigest(size, HexFormat.of().formatHex(md5.digest()), HexFormat.of().formatHex(sha.digest()));
    }

    /**
     * Why the file is not the archive {@code info} describes, or null when it is: the exact size and the SHA-256
     * when the entry pins one, else the MD5. Only called for entries with a checksum, whose size is exact.
     */
    String mismatch(VoskModelInfo info) {
        if (info.size() > 0 && size != info.size()) {
            return "it has " + size + " bytes, the list says " + info.size();
        }
        if (info.hasSha256()) {
            return sha256.equals(info.sha256()) ? null
                    : "SHA-256 " + sha256 + " does not match the pinned " + info.sha256();
        }
        return md5.equals(info.md5()) ? null : "MD5 " + md5 + " does not match the published " + info.md5();
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is missing from this Java runtime", e);
        }
    }
}
