package dev.attend.asr.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Objects;

/**
 * One entry of the Vosk model list, with the official list's fields. The official file writes {@code obsolete} as
 * the string "true"/"false" and {@code size} in bytes; Jackson coerces both. Unknown fields are ignored so a newer
 * list still parses.
 *
 * @param md5    lowercase hex MD5 of the zip, or empty when none is known
 * @param sha256 lowercase hex SHA-256 of the zip, or empty: not a field of the official list; the built-in copy
 *               pins it (with the exact {@code size}) for the archives whose digest independent public projects
 *               agree on (docs/models.md). Without either checksum the download is not verified.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record VoskModelInfo(
        @JsonProperty("name") String name,
        @JsonProperty("lang") String lang,
        @JsonProperty("lang_text") String langText,
        @JsonProperty("size") long size,
        @JsonProperty("size_text") String sizeText,
        @JsonProperty("md5") String md5,
        @JsonProperty("url") String url,
        @JsonProperty("type") String type,
        @JsonProperty("obsolete") boolean obsolete,
        @JsonProperty("version") String version,
        @JsonProperty("sha256") @JsonInclude(JsonInclude.Include.NON_EMPTY) String sha256) {

    /** An entry in the official list's fields only (no SHA-256). */
    public VoskModelInfo(String name, String lang, String langText, long size, String sizeText, String md5,
                         String url, String type, boolean obsolete, String version) {
        this(name, lang, langText, size, sizeText, md5, url, type, obsolete, version, "");
    }

    public VoskModelInfo {
        Objects.requireNonNull(name, "name");
        lang = lang == null ? "" : lang;
        langText = langText == null ? "" : langText;
        sizeText = sizeText == null ? "" : sizeText;
        md5 = md5 == null ? "" : md5.trim().toLowerCase(java.util.Locale.ROOT);
        url = url == null ? "" : url;
        type = type == null ? "" : type;
        version = version == null ? "" : version;
        sha256 = sha256 == null ? "" : sha256.trim().toLowerCase(java.util.Locale.ROOT);
    }

    public boolean hasSha256() {
        return sha256.matches("[0-9a-f]{64}");
    }

    /** True when the download can be verified: a SHA-256 or an MD5 (then {@code size} is the exact byte count). */
    public boolean hasChecksum() {
        return hasSha256() || hasMd5();
    }

    /** This entry with the given SHA-256 (used to carry a pinned digest over to a refreshed list's entry). */
    public VoskModelInfo withSha256(String digest) {
        return new VoskModelInfo(name, lang, langText, size, sizeText, md5, url, type, obsolete, version, digest);
    }

    public boolean hasMd5() {
        return md5.matches("[0-9a-f]{32}");
    }

    public boolean isSmall() {
        return "small".equals(type);
    }
}
