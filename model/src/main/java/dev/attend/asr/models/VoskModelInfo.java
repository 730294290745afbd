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
 * @param md5 lowercase hex MD5 of the zip, or empty when none is known (the download is then not verified)
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
        @JsonProperty("version") String version) {

    public VoskModelInfo {
        Objects.requireNonNull(name, "name");
        lang = lang == null ? "" : lang;
        langText = langText == null ? "" : langText;
        sizeText = sizeText == null ? "" : sizeText;
        md5 = md5 == null ? "" : md5.trim().toLowerCase(java.util.Locale.ROOT);
        url = url == null ? "" : url;
        type = type == null ? "" : type;
        version = version == null ? "" : version;
    }

    public boolean hasMd5() {
        return md5.matches("[0-9a-f]{32}");
    }

    public boolean isSmall() {
        return "small".equals(type);
    }
}
