package dev.attend.ui.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.text.Font;

/**
 * UI text in English or Simplified Chinese from {@code dev/attend/ui/i18n/messages*.properties}. Labels bind to
 * {@link #text} so switching {@link #localeProperty()} relabels the open window at once. A missing key fails
 * loudly (tests check both bundles have the same keys).
 */
public final class I18n {

    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final String BUNDLE = "dev.attend.ui.i18n.messages";
    /** CJK-capable families, first installed wins: Linux (fonts-noto-cjk), Windows, macOS. */
    public static final List<String> CJK_FONTS = List.of("Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC");

    private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>(ENGLISH);

    public I18n(Locale initial) {
        locale.set(initial);
    }

    /** "en" or "zh-CN" (the settings value) to a supported locale; anything else is English. */
    public static Locale fromTag(String tag) {
        return tag != null && tag.toLowerCase(Locale.ROOT).startsWith("zh") ? CHINESE : ENGLISH;
    }

    public static String toTag(Locale l) {
        return CHINESE.equals(l) ? "zh-CN" : "en";
    }

    public ObjectProperty<Locale> localeProperty() {
        return locale;
    }

    public ResourceBundle bundle() {
        return ResourceBundle.getBundle(BUNDLE, locale.get(), ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle().getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalStateException("UI text key '" + key + "' missing in " + BUNDLE + " for "
                    + locale.get(), e);
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(args);
    }

    /** Text that follows the UI language. */
    public StringBinding text(String key, Object... args) {
        return Bindings.createStringBinding(() -> get(key, args), locale);
    }

    /**
     * A font for text drawn with an explicit font (captions, canvases): the theme's family, or an installed CJK
     * family when the text holds Chinese characters (explicit fonts do not inherit the window's CJK family, so
     * they would render Chinese as boxes).
     */
    public static Font fontFor(String text, double size) {
        if (text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN
                || c >= 0x3000 && c <= 0x303f || c >= 0xff00 && c <= 0xffef)) {
            List<String> installed = Font.getFamilies();
            String family = CJK_FONTS.stream().filter(installed::contains).findFirst().orElse(null);
            if (family != null) {
                return Font.font(family, size);
            }
        }
        return Font.font(size);
    }

    /** The font family to use for this locale (a CJK one for Chinese, or null for the theme's default). */
    public String fontFamily() {
        if (!CHINESE.equals(locale.get())) {
            return null;
        }
        List<String> installed = Font.getFamilies();
        return CJK_FONTS.stream().filter(installed::contains).findFirst().orElse(CJK_FONTS.get(0));
    }
}
