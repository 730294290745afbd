package dev.attend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NotificationsTest {

    @Test
    void theNewestNoticeIsShownAndAnActionDismissesIt() {
        Notifications n = new Notifications();
        List<String> ran = new ArrayList<>();
        n.error("x.wav: cannot read this file", new java.io.IOException("denied"));
        assertThat(n.current().details()).isEqualTo("java.io.IOException: denied");
        n.warn("no devices", new Notifications.Action("Play the demo clip", () -> ran.add("demo")));
        assertThat(n.current().message()).isEqualTo("no devices");
        n.run(n.current().actions().get(0));
        assertThat(ran).containsExactly("demo");
        assertThat(n.current()).isNull();
    }
}
