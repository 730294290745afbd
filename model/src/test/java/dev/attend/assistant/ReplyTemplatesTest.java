package dev.attend.assistant;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ReplyTemplatesTest {

    private final ReplyTemplates en = new ReplyTemplates(Locale.ENGLISH, ZoneOffset.UTC);
    private final ReplyTemplates zh = new ReplyTemplates(Locale.SIMPLIFIED_CHINESE, ZoneOffset.UTC);

    @Test
    void english() {
        assertThat(en.render(Reply.of("time", "time", LocalTime.of(9, 5))).display()).isEqualTo("It's 9:05.");
        assertThat(en.render(Reply.of("date", "date", LocalDate.of(2026, 12, 1))).display())
                .isEqualTo("Today is Tuesday, 1 December 2026.");
        assertThat(en.render(Reply.of("timer.set", "name", "pasta", "duration", Duration.ofSeconds(4830))).display())
                .isEqualTo("Timer pasta set for 1 hour 20 minutes 30 seconds.");
        assertThat(en.render(Reply.notUnderstood()).display()).isEqualTo("Sorry, I didn't catch that.");
        Reply list = Reply.of("timer.list", "list", new Reply.Items("timer.item", List.of(
                Reply.map("name", "tea", "remaining", Duration.ofSeconds(61)),
                Reply.map("name", "pasta", "remaining", Duration.ofMinutes(5)))));
        assertThat(en.render(list).display()).isEqualTo("tea with 1 minute 1 second left; pasta with 5 minutes left.");
    }

    @Test
    void chineseWithPinyinForSpeech() {
        ReplyTemplates.Rendered r = zh.render(Reply.of("time", "time", LocalTime.of(10, 25)));
        assertThat(r.display()).isEqualTo("现在是10点25分。");
        assertThat(r.speech()).isEqualTo("xian4 zai4 shi4 shi2 dian3 er4 shi2 wu3 fen1.");
        assertThat(r.language()).isEqualTo("zh");
        ReplyTemplates.Rendered d = zh.render(Reply.of("date", "date", LocalDate.of(2026, 12, 6)));
        assertThat(d.display()).isEqualTo("今天是2026年12月6日，星期日。");
        assertThat(d.speech()).isEqualTo("jin1 tian1 shi4 er4 ling2 er4 liu4 nian2 shi2 er4 yue4 liu4 ri4, xing1 qi1 tian1.");
        assertThat(zh.render(Reply.notUnderstood()).speech()).isEqualTo("dui4 bu qi3, wo3 mei2 ting1 qing1.");
        assertThat(zh.render(Reply.of("timer.setPlain", "duration", Duration.ofSeconds(90))).display())
                .isEqualTo("计时器已设定为1分钟30秒。");
    }

    @Test
    void pinyinNumbers() {
        assertThat(PinyinNumbers.of(0)).isEqualTo("ling2");
        assertThat(PinyinNumbers.of(10)).isEqualTo("shi2");
        assertThat(PinyinNumbers.of(15)).isEqualTo("shi2 wu3");
        assertThat(PinyinNumbers.of(42)).isEqualTo("si4 shi2 er4");
        assertThat(PinyinNumbers.of(105)).isEqualTo("yi1 bai3 ling2 wu3");
        assertThat(PinyinNumbers.of(2026)).isEqualTo("er4 qian1 ling2 er4 shi2 liu4");
    }
}
