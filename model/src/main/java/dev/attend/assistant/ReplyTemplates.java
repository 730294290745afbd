package dev.attend.assistant;

import dev.attend.assistant.slots.Languages;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Renders {@link Reply replies} in English or Simplified Chinese from the app's own templates
 * ({@code replies.properties}, {@code replies_zh.properties}): the text shown, and the text spoken (for Chinese, the
 * template's pinyin, since espeak-ng's Mandarin voice reads pinyin, not characters).
 */
public final class ReplyTemplates {

    /** A rendered reply: {@code display} to show, {@code speech} to speak, in {@code language} (en or zh). */
    public record Rendered(String display, String speech, String language) {
    }

    private static final String BUNDLE = "dev.attend.assistant.replies";
    private final ResourceBundle bundle;
    private final boolean zh;
    private final ZoneId zone;

    public ReplyTemplates(Locale locale, ZoneId zone) {
        this.zh = "zh".equals(locale.getLanguage());
        this.bundle = ResourceBundle.getBundle(BUNDLE, zh ? Locale.SIMPLIFIED_CHINESE : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        this.zone = zone;
    }

    /** {@code en} or {@code zh}. */
    public String language() {
        return zh ? "zh" : "en";
    }

    public Rendered render(Reply reply) {
        return new Rendered(fill(reply.key(), reply.args(), false), fill(reply.key(), reply.args(), zh), language());
    }

    private String fill(String key, Map<String, Object> args, boolean pinyin) {
        String template = template(key, pinyin);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (close < 0) {
                out.append(template, i, template.length());
                break;
            }
            out.append(template, i, open);
            String name = template.substring(open + 1, close);
            out.append(args.containsKey(name) ? format(args.get(name), pinyin) : "{" + name + "}");
            i = close + 1;
        }
        return out.toString();
    }

    private String template(String key, boolean pinyin) {
        if (pinyin && bundle.containsKey(key + ".pinyin")) {
            return bundle.getString(key + ".pinyin");
        }
        try {
            return bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("no reply template '" + key + "'", e);
        }
    }

    private String format(Object v, boolean pinyin) {
        if (v instanceof LocalTime t) {
            if (!zh) {
                return t.format(DateTimeFormatter.ofPattern("H:mm", Locale.ROOT));
            }
            return pinyin ? PinyinNumbers.of(t.getHour()) + " dian3 " + (t.getMinute() == 0 ? "zheng3"
                    : PinyinNumbers.of(t.getMinute()) + " fen1") : t.getHour() + "点" + (t.getMinute() == 0 ? "整"
                    : t.getMinute() + "分");
        }
        if (v instanceof LocalDate d) {
            return date(d, pinyin);
        }
        if (v instanceof Instant when) {
            LocalTime t = LocalTime.ofInstant(when, zone);
            LocalDate d = LocalDate.ofInstant(when, zone);
            return (d.equals(LocalDate.now(zone)) ? "" : date(d, pinyin) + " ") + format(t, pinyin);
        }
        if (v instanceof Duration d) {
            return duration(d, pinyin);
        }
        if (v instanceof Reply.Language l) {
            String k = "lang." + l.code();
            return zh && bundle.containsKey(k) ? template(k, pinyin) : Languages.name(l.code());
        }
        if (v instanceof Reply.Items items) {
            List<String> parts = new ArrayList<>();
            for (Map<String, Object> item : items.items()) {
                parts.add(fill(items.itemKey(), item, pinyin));
            }
            return String.join(template("list.separator", pinyin), parts);
        }
        if (v instanceof Number n && pinyin) {
            return PinyinNumbers.of(n.longValue());
        }
        return String.valueOf(v);
    }

    private String date(LocalDate d, boolean pinyin) {
        if (!zh) {
            return d.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + ", " + d.getDayOfMonth() + " "
                    + d.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH) + " " + d.getYear();
        }
        int dow = d.getDayOfWeek().getValue(); // 1 = Monday … 7 = Sunday
        if (pinyin) {
            return PinyinNumbers.digits(Integer.toString(d.getYear())) + " nian2 " + PinyinNumbers.of(d.getMonthValue())
                    + " yue4 " + PinyinNumbers.of(d.getDayOfMonth()) + " ri4, xing1 qi1 "
                    + (dow == 7 ? "tian1" : PinyinNumbers.of(dow));
        }
        return d.getYear() + "年" + d.getMonthValue() + "月" + d.getDayOfMonth() + "日，星期" + "一二三四五六日".charAt(dow - 1);
    }

    private String duration(Duration d, boolean pinyin) {
        long s = Math.max(0, Math.round(d.toMillis() / 1000.0));
        long h = s / 3600;
        long m = s / 60 % 60;
        long sec = s % 60;
        List<String> parts = new ArrayList<>();
        if (zh) {
            if (h > 0) {
                parts.add(pinyin ? PinyinNumbers.of(h) + " xiao3 shi2" : h + "小时");
            }
            if (m > 0) {
                parts.add(pinyin ? PinyinNumbers.of(m) + " fen1 zhong1" : m + "分钟");
            }
            if (sec > 0 || parts.isEmpty()) {
                parts.add(pinyin ? PinyinNumbers.of(sec) + " miao3" : sec + "秒");
            }
            return String.join(pinyin ? " " : "", parts);
        }
        if (h > 0) {
            parts.add(h + (h == 1 ? " hour" : " hours"));
        }
        if (m > 0) {
            parts.add(m + (m == 1 ? " minute" : " minutes"));
        }
        if (sec > 0 || parts.isEmpty()) {
            parts.add(sec + (sec == 1 ? " second" : " seconds"));
        }
        return String.join(" ", parts);
    }
}
