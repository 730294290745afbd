package dev.attend.ui.fx;

import com.sun.jna.Library;
import com.sun.jna.Native;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives JavaFX tests a real X display. With {@code DISPLAY} set, nothing happens. Without one (CI, build servers),
 * it starts {@code Xvfb -displayfd} (which picks a free display number itself, so parallel builds do not clash)
 * once per test JVM and sets {@code DISPLAY} in the process environment through libc {@code setenv}: JavaFX's GTK
 * glass reads it natively when the toolkit starts, which is after this callback. Xvfb ends after the JVM. Must be
 * listed before TestFX's {@code ApplicationExtension}.
 * <p>
 * A real desktop has a window manager, and windows behave differently under one (placement, sizes a new window
 * is given), so openbox (Debian package openbox) is started on that display too when it is installed;
 * {@code -Dattend.test.wm=none} runs the tests without one. {@link #windowManager()} says which ran.
 */
public final class XvfbExtension implements BeforeAllCallback {

    private static String display;
    private static String windowManager = "none";

    /** libc's setenv: changes the environment native code sees (Java's System.getenv is a frozen copy). */
    private interface CLib extends Library {
        int setenv(String name, String value, int overwrite);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        // a test's fresh config dir is a first start: the demo would play by itself (a test asks for that itself)
        if (System.getProperty("attend.demo.autostart") == null) {
            System.setProperty("attend.demo.autostart", "false");
        }
        ensureDisplay();
    }

    /** The display in use (":N"), starting Xvfb when needed. */
    public static synchronized String ensureDisplay() throws IOException, InterruptedException {
        System.setProperty("testfx.robot", "glass"); // the AWT robot cannot work with java.awt.headless=true
        if (display != null) {
            return display;
        }
        String env = System.getenv("DISPLAY");
        String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
        if (!os.contains("linux") && !os.contains("bsd")) {
            display = "native"; // Windows and macOS windows need no X server
            return display;
        }
        if (env != null && !env.isBlank()) {
            display = env;
            return display;
        }
        Process xvfb;
        try {
            xvfb = new ProcessBuilder("Xvfb", "-displayfd", "1", "-screen", "0", "1600x1000x24", "-nolisten", "tcp")
                    .redirectError(ProcessBuilder.Redirect.appendTo(new File("target", "xvfb.log"))).start();
        } catch (IOException e) {
            throw new IOException("UI tests need an X display: set DISPLAY or install Xvfb (Debian package xvfb)", e);
        }
        // GTK exits the JVM with status 1 if its display dies first, so Xvfb must outlive the JVM: a detached,
        // delayed kill ends it after the JVM is gone (not -terminate: any client that connects and leaves would end
        // the server under the tests)
        long pid = xvfb.pid();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                new ProcessBuilder("sh", "-c", "sleep 5; kill " + pid + " 2>/dev/null").start();
            } catch (IOException e) {
                xvfb.destroy();
            }
        }, "xvfb-stop"));
        BufferedReader out = new BufferedReader(new InputStreamReader(xvfb.getInputStream(), StandardCharsets.UTF_8));
        String n = out.readLine(); // Xvfb writes the display number once it accepts connections
        if (n == null || !n.trim().matches("\\d+")) {
            xvfb.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            throw new IOException("Xvfb did not report a display number (got " + n + ")");
        }
        display = ":" + n.trim();
        File socket = new File("/tmp/.X11-unix/X" + n.trim());
        for (int i = 0; i < 100 && !socket.exists(); i++) {
            Thread.sleep(50);
        }
        CLib libc = Native.load("c", CLib.class);
        if (libc.setenv("DISPLAY", display, 1) != 0) {
            throw new IOException("could not set DISPLAY for JavaFX");
        }
        if (!"none".equals(System.getProperty("attend.test.wm", "openbox"))) {
            startWindowManager();
        }
        return display;
    }

    /** openbox on the display, when installed; returns once it manages windows (its --startup command ran). */
    private static void startWindowManager() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("openbox", "--sm-disable", "--startup", "echo attend-wm-ready")
                .redirectError(ProcessBuilder.Redirect.appendTo(new File("target", "openbox.log")));
        pb.environment().put("DISPLAY", display);
        Process wm;
        try {
            wm = pb.start();
        } catch (IOException e) {
            System.err.println("UI tests run without a window manager: openbox is not installed");
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(wm::destroy, "openbox-stop"));
        BufferedReader out = new BufferedReader(new InputStreamReader(wm.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = out.readLine()) != null && !line.contains("attend-wm-ready")) {
            // openbox prints nothing else on stdout; wait for the startup command's line
        }
        if (line == null) {
            throw new IOException("openbox ended before it started managing windows (see target/openbox.log)");
        }
        windowManager = "openbox";
    }

    /** "openbox" when the tests' display has a window manager, else "none". */
    public static String windowManager() {
        return windowManager;
    }
}
