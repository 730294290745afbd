package dev.attend.app.selftest;

import dev.attend.asr.RecognitionResult;
import dev.attend.asr.RecognizerOptions;
import dev.attend.testkit.ToneAudio;
import dev.attend.testkit.ToneModelWriter;
import dev.attend.asr.vosk.VoskNative;
import dev.attend.asr.vosk.VoskRecognizer;
import dev.attend.audio.AudioDevices;
import dev.attend.video.CameraDevices;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * What {@code attend selftest} checks: each native library loads, the generated tone model decodes through real
 * libvosk, devices can be listed, Apertium is there. Each check gives one line; a failing check never stops the
 * others (a native library that aborts the process cannot be caught, but those are loaded last-resort here).
 */
public final class SelfTest {

    /** OK, FAIL, or SKIP (not applicable / not bundled). */
    public enum Status { OK, FAIL, SKIP }

    /** One check's outcome; {@code required}: a FAIL here makes the self-test fail. */
    public record Result(String part, Status status, String detail, boolean required) {
    }

    private SelfTest() {
    }

    public static List<Result> runAll() {
        List<Result> out = new ArrayList<>();
        out.add(check("vosk", true, SelfTest::vosk));
        out.add(check("vosk-decode", true, SelfTest::voskDecode));
        out.add(check("onnxruntime", true, SelfTest::onnxRuntime));
        out.add(check("pytorch", false, SelfTest::pytorch));
        out.add(check("ffmpeg", true, SelfTest::ffmpeg));
        out.add(check("microphones", false, SelfTest::microphones));
        out.add(check("cameras", false, SelfTest::cameras));
        out.add(check("apertium", false, SelfTest::apertium));
        return out;
    }

    private static Result check(String part, boolean required, Supplier<Result> body) {
        try {
            Result r = body.get();
            return new Result(part, r.status(), r.detail(), required);
        } catch (LinkageError | RuntimeException e) {
            return new Result(part, Status.FAIL, oneLine(e), required);
        }
    }

    private static Result ok(String detail) {
        return new Result("", Status.OK, detail, false);
    }

    private static Result fail(String detail) {
        return new Result("", Status.FAIL, detail, false);
    }

    private static Result skip(String detail) {
        return new Result("", Status.SKIP, detail, false);
    }

    static String oneLine(Throwable e) {
        Throwable c = e;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage() == null ? c.getClass().getSimpleName() : c.getClass().getSimpleName() + ": "
                + c.getMessage();
        return m.replaceAll("\\s+", " ");
    }

    private static Result vosk() {
        VoskNative.ensureLoaded();
        return ok("libvosk loaded (" + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ")");
    }

    private static Result voskDecode() {
        Path tmp = null;
        try {
            tmp = Files.createTempDirectory("attend-selftest-");
            Path model = ToneModelWriter.writeDefault(tmp.resolve("tone-model"));
            ToneAudio audio = ToneAudio.utterance(List.of("one", "two", "three"), 0.3);
            try (VoskRecognizer r = VoskRecognizer.open(model, RecognizerOptions.defaults())) {
                byte[] pcm = audio.pcm16le();
                StringBuilder text = new StringBuilder();
                for (int off = 0; off < pcm.length; off += 3200) {
                    int n = Math.min(3200, pcm.length - off);
                    RecognitionResult.Utterance u = r.acceptPcm16le(java.util.Arrays.copyOfRange(pcm, off, off + n), n);
                    append(text, u);
                }
                append(text, r.finish());
                return text.toString().equals(audio.text())
                        ? ok("tone model decoded \"" + text + "\" exactly")
                        : fail("tone model decoded \"" + text + "\", expected \"" + audio.text() + "\"");
            }
        } catch (IOException e) {
            return fail("cannot write the tone model to a temp folder: " + e.getMessage());
        } finally {
            deleteTree(tmp);
        }
    }

    private static void append(StringBuilder sb, RecognitionResult.Utterance u) {
        if (u != null && !u.isEmpty()) {
            sb.append(sb.length() > 0 ? " " : "").append(u.text());
        }
    }

    private static Result onnxRuntime() {
        if (System.getProperty("ai.djl.offline") == null) {
            System.setProperty("ai.djl.offline", "true"); // never download an engine
        }
        ai.djl.engine.Engine e = ai.djl.engine.Engine.getEngine("OnnxRuntime");
        return ok("ONNX Runtime " + e.getVersion() + " via DJL (offline)");
    }

    private static Result pytorch() {
        try {
            Class.forName("ai.djl.pytorch.engine.PtEngine", false, SelfTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return skip("not bundled (DJL PyTorch engine is not on the class path)");
        }
        ai.djl.engine.Engine e = ai.djl.engine.Engine.getEngine("PyTorch");
        return ok("PyTorch " + e.getVersion() + " via DJL (offline)");
    }

    private static Result ffmpeg() {
        org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avutil.class);
        String v = org.bytedeco.ffmpeg.global.avutil.av_version_info().getString();
        org.bytedeco.javacpp.Loader.load(org.bytedeco.ffmpeg.global.avformat.class);
        return ok("FFmpeg " + v + " via JavaCV");
    }

    private static Result microphones() {
        List<AudioDevices.InputDevice> mics = AudioDevices.inputs();
        return mics.isEmpty() ? skip("no audio input found (listing works)")
                : ok(mics.size() + " audio input(s), first: " + mics.get(0));
    }

    private static Result cameras() {
        if (!CameraDevices.canEnumerate()) {
            return skip("this OS cannot list cameras; use --camera INDEX");
        }
        List<CameraDevices.Camera> cams = CameraDevices.list();
        return cams.isEmpty() ? skip("no camera found (listing works)")
                : ok(cams.size() + " camera(s), first: " + cams.get(0).name());
    }

    private static Result apertium() {
        Path exe = onPath("apertium");
        if (exe == null) {
            return skip("apertium not on PATH (install it for translation)");
        }
        try {
            Process p = new ProcessBuilder(exe.toString(), "-l").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return fail("'apertium -l' did not answer within 20 s");
            }
            List<String> pairs = out.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
            if (p.exitValue() != 0) {
                return fail("'apertium -l' exited with " + p.exitValue());
            }
            return pairs.isEmpty() ? fail("apertium is installed but has no language pairs")
                    : ok(pairs.size() + " pair modes: " + String.join(" ", pairs.subList(0, Math.min(8, pairs.size())))
                            + (pairs.size() > 8 ? " …" : ""));
        } catch (IOException e) {
            return fail("cannot run apertium: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail("interrupted");
        }
    }

    private static Path onPath(String tool) {
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (d.isEmpty()) {
                continue;
            }
            Path p = Path.of(d, tool);
            if (Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    private static void deleteTree(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException ignored) {
            // a temp folder left behind is harmless
        }
    }
}
