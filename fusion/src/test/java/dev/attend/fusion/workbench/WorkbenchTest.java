package dev.attend.fusion.workbench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.concurrent.ThreadPoolTaskExecutor;
import dev.attend.training.CalibrationRecorder;
import dev.attend.training.RecordingInput;
import dev.attend.training.TrainingJob;
import dev.attend.training.TrainingListener;
import dev.attend.training.TrainingRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkbenchTest {

    static final ThreadPoolTaskExecutor EXEC = new ThreadPoolTaskExecutor("workbench-test", 1);

    @TempDir
    Path tmp;

    @AfterAll
    static void down() {
        EXEC.shutdown();
    }

    static final class Recorder implements TrainingListener {
        final List<Step> steps = new CopyOnWriteArrayList<>();
        final List<Epoch> epochs = new CopyOnWriteArrayList<>();
        volatile Result result;
        volatile Throwable error;
        final CountDownLatch end = new CountDownLatch(1);

        @Override
        public void progress(Progress p) {
        }

        @Override
        public void step(Step s) {
            steps.add(s);
        }

        @Override
        public void epoch(Epoch e) {
            epochs.add(e);
        }

        @Override
        public void finished(Result r) {
            result = r;
            end.countDown();
        }

        @Override
        public void failed(Throwable e) {
            error = e;
            end.countDown();
        }
    }

    @Test
    void generatedRunPausesStopsAndResumes() throws Exception {
        FusionTrainingService svc = new FusionTrainingService(EXEC, tmp, 1);
        TrainingRequest req = new TrainingRequest(null, 8, List.of("en-us+m1", "en-gb+f1"), 1, 40, 16, 4, 3e-3f, 1,
                tmp.resolve("run"), false);
        Recorder l = new Recorder();
        TrainingJob job = svc.train(req, l);
        long t0 = System.nanoTime();
        while (l.epochs.size() < 3 && l.error == null && System.nanoTime() - t0 < 300e9) {
            Thread.sleep(50);
        }
        assertThat(l.error).isNull();
        job.pause();
        Thread.sleep(300);
        int held = l.steps.size();
        Thread.sleep(700);
        assertThat(l.steps.size()).isLessThanOrEqualTo(held + 1);
        job.resume();
        Thread.sleep(300);
        job.stop();
        assertThat(l.end.await(60, TimeUnit.SECONDS)).isTrue();
        assertThat(l.result.stopped()).isTrue();
        assertThat(l.epochs.get(0).metrics()).containsKeys("avSyncAccuracy", "intentAccuracyAudioOnly");
        assertThat(l.steps.get(0).losses()).containsOnlyKeys("sync", "addressee", "intent", "alignment", "contrastive");
        Recorder again = new Recorder();
        TrainingRequest short2 = new TrainingRequest(null, 8, List.of("en-us+m1", "en-gb+f1"), 1, 4, 16, 4, 3e-3f, 1,
                tmp.resolve("run"), true);
        svc.train(short2, again);
        assertThat(again.end.await(120, TimeUnit.SECONDS)).isTrue();
        assertThat(again.error).isNull();
        assertThat(Files.isRegularFile(tmp.resolve("run").resolve("fusion-0000.params"))).isTrue();
    }

    @Test
    void calibrationOnASyntheticRecordingGivesBeforeAndAfter() throws Exception {
        Path wav = tmp.resolve("cal.wav");
        Path mkv = tmp.resolve("cal.mkv");
        CalibrationClip.write(wav, mkv, CalibrationClip.prompts(12), "en-us+m3", "skimage:astronaut.png");
        FusionTrainingService svc = new FusionTrainingService(EXEC, tmp, 1);
        CalibrationRecorder.Recording rec;
        try (CalibrationRecorder r = svc.record(RecordingInput.files(wav, mkv))) {
            rec = r.finish();
        }
        assertThat(rec.promptsCovered()).isEqualTo(12);
        Recorder l = new Recorder();
        svc.calibrate(rec, l);
        assertThat(l.end.await(300, TimeUnit.SECONDS)).isTrue();
        assertThat(l.error).isNull();
        assertThat(l.result.before()).containsKey("avSyncAccuracy");
        assertThat(l.result.after()).containsKey("avSyncAccuracy");
        System.err.println("calibration before " + l.result.before() + "\nafter  " + l.result.after());
        // the fine-tune changed the weights the metric uses (after is measured on the saved user checkpoint)
        assertThat(l.result.after().get("avSyncConfidence")).isNotEqualTo(l.result.before().get("avSyncConfidence"));
        // kept by itself only when not worse on the held-back part; else the user may still choose it
        assertThat(l.result.model() != null).isEqualTo(Calibration.notWorse(l.result.before(), l.result.after()));
        if (l.result.model() == null) {
            assertThat(svc.userCheckpoint()).isEmpty();
            svc.keepCalibrated();
        }
        assertThat(svc.userCheckpoint()).isPresent();
        svc.resetUserCheckpoint();
        assertThat(svc.userCheckpoint()).isEmpty();
    }
}
