package dev.attend.ui.settings;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Everything the user can set, saved as JSON. Unknown fields are ignored so older and newer versions can share a
 * file; missing ones take the defaults.
 *
 * @param source          last session source: {@code demo}, {@code devices}, {@code file}
 * @param mic             microphone name ("" = system default)
 * @param camera          camera index or name ("" = none)
 * @param asrLanguage     transcript language code, e.g. {@code en}
 * @param translationPair Apertium pair such as {@code eng-spa}, or "" for none
 * @param wakeWord        bundled wake-word model, or "" for none
 * @param wakeThreshold   wake score threshold
 * @param vadThreshold    speech probability threshold
 * @param theme           {@code light} or {@code dark}
 * @param uiLanguage      {@code en} or {@code zh-CN}
 * @param captionFontSize caption size in points
 * @param window          main window position and size
 * @param lastMediaFile   the media file chosen last ("" = none), offered again at the next start
 * @param fast            media files are transcribed as fast as possible instead of as if live
 * @param fusion          sessions run the fusion transformer (the lab's fusion maps); missing = on
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Settings(String source, String mic, String camera, String asrLanguage, String translationPair,
                       String wakeWord, double wakeThreshold, double vadThreshold, String theme, String uiLanguage,
                       double captionFontSize, WindowState window, String lastMediaFile, boolean fast,
                       Boolean fusion) {

    /** Window position and size; width 0 = not saved yet. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record WindowState(double x, double y, double width, double height, boolean maximized) {
    }

    @com.fasterxml.jackson.annotation.JsonCreator
    public Settings {
        source = nz(source, "demo");
        mic = nz(mic, "");
        camera = nz(camera, "");
        asrLanguage = nz(asrLanguage, "en");
        translationPair = nz(translationPair, "eng-spa");
        wakeWord = nz(wakeWord, "hey_jarvis");
        wakeThreshold = wakeThreshold <= 0 || wakeThreshold > 1 ? 0.5 : wakeThreshold;
        vadThreshold = vadThreshold <= 0 || vadThreshold > 1 ? 0.5 : vadThreshold;
        theme = "dark".equals(theme) ? "dark" : "light";
        uiLanguage = "zh-CN".equals(uiLanguage) ? "zh-CN" : "en";
        captionFontSize = captionFontSize < 8 || captionFontSize > 72 ? 16 : captionFontSize;
        window = window == null ? new WindowState(0, 0, 0, 0, false) : window;
        lastMediaFile = nz(lastMediaFile, "");
        fusion = fusion == null ? Boolean.TRUE : fusion;
    }

    /** Without the fusion choice (on). */
    public Settings(String source, String mic, String camera, String asrLanguage, String translationPair,
                    String wakeWord, double wakeThreshold, double vadThreshold, String theme, String uiLanguage,
                    double captionFontSize, WindowState window, String lastMediaFile, boolean fast) {
        this(source, mic, camera, asrLanguage, translationPair, wakeWord, wakeThreshold, vadThreshold, theme,
                uiLanguage, captionFontSize, window, lastMediaFile, fast, null);
    }

    /** Without the fields added later (older callers and tests). */
    public Settings(String source, String mic, String camera, String asrLanguage, String translationPair,
                    String wakeWord, double wakeThreshold, double vadThreshold, String theme, String uiLanguage,
                    double captionFontSize, WindowState window) {
        this(source, mic, camera, asrLanguage, translationPair, wakeWord, wakeThreshold, vadThreshold, theme,
                uiLanguage, captionFontSize, window, null, false);
    }

    public static Settings defaults() {
        return new Settings(null, null, null, null, null, null, 0, 0, null, null, 0, null);
    }

    private static String nz(String s, String d) {
        return s == null ? d : s;
    }

    public Settings withTheme(String v) {
        return new Settings(source, mic, camera, asrLanguage, translationPair, wakeWord, wakeThreshold, vadThreshold,
                v, uiLanguage, captionFontSize, window, lastMediaFile, fast, fusion);
    }

    public Settings withUiLanguage(String v) {
        return new Settings(source, mic, camera, asrLanguage, translationPair, wakeWord, wakeThreshold, vadThreshold,
                theme, v, captionFontSize, window, lastMediaFile, fast, fusion);
    }

    public Settings withWindow(WindowState v) {
        return new Settings(source, mic, camera, asrLanguage, translationPair, wakeWord, wakeThreshold, vadThreshold,
                theme, uiLanguage, captionFontSize, v, lastMediaFile, fast, fusion);
    }

    public Settings withSource(String v) {
        return new Settings(v, mic, camera, asrLanguage, translationPair, wakeWord, wakeThreshold, vadThreshold,
                theme, uiLanguage, captionFontSize, window, lastMediaFile, fast, fusion);
    }

    public Settings withTranslationPair(String v) {
        return new Settings(source, mic, camera, asrLanguage, v, wakeWord, wakeThreshold, vadThreshold,
                theme, uiLanguage, captionFontSize, window, lastMediaFile, fast, fusion);
    }

    public Settings withLastMediaFile(String v) {
        return new Settings(source, mic, camera, asrLanguage, translationPair, wakeWord, wakeThreshold, vadThreshold,
                theme, uiLanguage, captionFontSize, window, v, fast, fusion);
    }

    public Settings withFast(boolean v) {
        return new Settings(source, mic, camera, asrLanguage, translationPair, wakeWord, wakeThreshold, vadThreshold,
                theme, uiLanguage, captionFontSize, window, lastMediaFile, v, fusion);
    }

    public Settings withFusion(boolean v) {
        return new Settings(source, mic, camera, asrLanguage, translationPair, wakeWord, wakeThreshold, vadThreshold,
                theme, uiLanguage, captionFontSize, window, lastMediaFile, fast, v);
    }
}
