package dev.attend.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.ui.settings.Settings;
import javafx.geometry.Rectangle2D;
import org.junit.jupiter.api.Test;

class WindowPlacementTest {

    private static final Settings.WindowState NONE = new Settings.WindowState(0, 0, 0, 0, false);

    @Test
    void firstStartTakesEightyPercentButAtLeast1280x800WhereThatFits() {
        assertThat(WindowPlacement.place(NONE, new Rectangle2D(0, 0, 1920, 1080)))
                .isEqualTo(new WindowPlacement.Bounds(192, 108, 1536, 864, false));
        assertThat(WindowPlacement.place(NONE, new Rectangle2D(0, 0, 1440, 900)))
                .isEqualTo(new WindowPlacement.Bounds(80, 50, 1280, 800, false));
        // a small screen: the whole visible area, never more
        assertThat(WindowPlacement.place(NONE, new Rectangle2D(0, 24, 1024, 676)))
                .isEqualTo(new WindowPlacement.Bounds(0, 24, 1024, 676, false));
    }

    @Test
    void aSavedWindowComesBackClampedToTheVisibleScreen() {
        var screen = new Rectangle2D(0, 0, 1440, 900);
        assertThat(WindowPlacement.place(new Settings.WindowState(100, 60, 1100, 720, false), screen))
                .isEqualTo(new WindowPlacement.Bounds(100, 60, 1100, 720, false));
        // the size the issue saw: 1442 × 885 on a 1440 × 900 screen, saved partly off screen
        assertThat(WindowPlacement.place(new Settings.WindowState(-30, 500, 1442, 885, true), screen))
                .isEqualTo(new WindowPlacement.Bounds(0, 15, 1440, 885, true));
    }

    @Test
    void aTinySavedSizeIsNotRestored() {
        // 198 × 175 was what a window manager left behind: treated as never saved
        assertThat(WindowPlacement.place(new Settings.WindowState(10, 10, 198, 175, false),
                new Rectangle2D(0, 0, 1440, 900)).width()).isEqualTo(1280);
    }
}
