package dev.attend.ui.training;

import static org.assertj.core.api.Assertions.assertThat;

import dev.attend.training.CalibrationPrompt;
import dev.attend.training.CalibrationRecorder;
import dev.attend.training.RecordingInput;
import dev.attend.training.TrainingJob;
import dev.attend.training.TrainingListener;
import dev.attend.training.TrainingRequest;
import dev.attend.training.TrainingService;
import dev.attend.ui.bridge.UiTasks;
import dev.attend.ui.i18n.I18n;
import dev.attend.ui.shell.Notifications;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The view-model around a scripted service (the real trainer is exercised by TrainingWindowFxTest). */
class TrainingViewModelTest {

    /** Records the request and the listener; the test plays the job's reports. */
    static final class Scripted implements TrainingService, TrainingJob {
        TrainingRequest request;
        TrainingListener listener;
        boolean paused;
        boolean stopped;

        @Override
        public TrainingJob train(TrainingRequest r, TrainingListener l) {
            request = r;
            listener = l;
            return this;
        }

        @Override
        public List<CalibrationPrompt> calibrationPrompts() {
            return List.of(new CalibrationPrompt("what time is it", "time"));
        }

        @Override
        public CalibrationRecorder record(RecordingInput input) {
            throw new UnsupportedOperationException();
        }

        @Override
        public TrainingJob calibrate(CalibrationRecorder.Recording recording, TrainingListener l) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Path> userCheckpoint() {
            return Optional.empty();
        }

        @Override
        public void resetUserCheckpoint() {
        }

        @Override
        public void pause() {
            paused = true;
        }

        @Override
        public void resume() {
            paused = false;
        }

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public boolean isPaused() {
            return paused;
        }

        @Override
        public boolean isDone() {
            return false;
        }
    }

    private static TrainingListener.Step step(String phase, long n, double total) {
        return new TrainingListener.Step(phase, 0, n, 100, total, Map.of("sync", total / 2),
                Map.of("sync", 1.0 + n / 100.0));
    }

    @Test
    void stepsBecomeSeriesAndPauseStopResumeFollowTheJob() {
        Scripted svc = new Scripted();
        Notifications notices = new Notifications();
        TrainingViewModel vm = new TrainingViewModel(svc, UiTasks.synchronous(), new I18n(I18n.ENGLISH), notices,
                Path.of("runs"));
        vm.settings().utterancesProperty().set(16);
        vm.settings().batchProperty().set(4);
        vm.start();
        assertThat(svc.request.utterances()).isEqualTo(16);
        assertThat(svc.request.out().getParent()).isEqualTo(Path.of("runs"));
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingViewModel.State.RUNNING);
        svc.listener.step(step("pretrain", 1, 3.0));
        svc.listener.step(step("finetune", 2, 2.0));
        svc.listener.step(step("finetune", 3, 1.5));
        svc.listener.progress(new TrainingListener.Progress("finetune", 0.03, 125, "3/100"));
        svc.listener.epoch(new TrainingListener.Epoch("finetune", 0, Map.of("avSyncAccuracy", 0.75)));
        assertThat(vm.charts().values("total.pretrain")).containsExactly(3.0);
        assertThat(vm.charts().values("total.finetune")).containsExactly(2.0, 1.5);
        assertThat(vm.charts().values("loss.sync")).containsExactly(1.5, 1.0, 0.75);
        assertThat(vm.charts().values("weight.sync")).containsExactly(1.02, 1.03); // fine-tuning only
        assertThat(vm.charts().values("metric.avSyncAccuracy")).containsExactly(0.75);
        assertThat(vm.charts().total()).extracting(s -> s.getName())
                .containsExactly("pre-training (InfoNCE)", "fine-tuning (weighted sum)");
        assertThat(vm.statusProperty().get()).isEqualTo("Fine-tuning (all tasks) · 3/100 · ETA 2:05");
        vm.togglePause();
        assertThat(svc.paused).isTrue();
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingViewModel.State.PAUSED);
        vm.togglePause();
        assertThat(svc.paused).isFalse();
        vm.stop();
        assertThat(svc.stopped).isTrue();
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingViewModel.State.STOPPING);
        svc.listener.finished(new TrainingListener.Result(true, null, Map.of(), Map.of()));
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingViewModel.State.STOPPED);
        assertThat(vm.canResume()).isTrue();
        vm.resumeRun();
        assertThat(svc.request.resume()).isTrue();
        assertThat(vm.charts().values("total.finetune")).hasSize(2); // a resumed run's curves go on
    }

    @Test
    void aFailureReachesTheNoticeBarAndLongSeriesAreThinned() {
        Scripted svc = new Scripted();
        Notifications notices = new Notifications();
        TrainingViewModel vm = new TrainingViewModel(svc, UiTasks.synchronous(), new I18n(I18n.ENGLISH), notices,
                Path.of("runs"));
        vm.settings().batchProperty().set(4);
        vm.settings().utterancesProperty().set(8);
        vm.start();
        for (int i = 0; i < TrainingCharts.MAX_POINTS + 1; i++) {
            svc.listener.step(step("finetune", i, 1000 - i));
        }
        List<Double> v = vm.charts().values("total.finetune");
        assertThat(v).hasSize(TrainingCharts.MAX_POINTS / 2 + 1);
        assertThat(v.get(0)).isEqualTo(1000.0);
        assertThat(v.get(v.size() - 1)).isEqualTo(1000.0 - TrainingCharts.MAX_POINTS);
        svc.listener.failed(new java.io.IOException("the disk is full: free some space"));
        assertThat(vm.stateProperty().get()).isEqualTo(TrainingViewModel.State.FAILED);
        assertThat(notices.current().level()).isEqualTo(Notifications.Level.ERROR);
        assertThat(notices.current().message()).isEqualTo("Training failed: the disk is full: free some space");
    }

    @Test
    void aRequestThatCannotRunSaysWhy() {
        Scripted svc = new Scripted();
        Notifications notices = new Notifications();
        TrainingViewModel vm = new TrainingViewModel(svc, UiTasks.synchronous(), new I18n(I18n.ENGLISH), notices,
                Path.of("runs"));
        vm.settings().utterancesProperty().set(4);
        vm.settings().batchProperty().set(6);
        vm.start();
        assertThat(svc.request).isNull();
        assertThat(notices.current().message()).contains("generate at least 12 utterances");
    }
}
