package dev.attend.app.bench;

import dev.attend.encoders.audio.wake.WakeDecider;
import dev.attend.encoders.audio.wake.WakeOptions;
import java.util.ArrayList;
import java.util.List;

/** Turns a voice's recorded clips into its detection marks under openWakeWord's scoring and Attend's rule. */
final class WakeBenchDetection {

    private WakeBenchDetection() {
    }

    /**
     * @param baseline openWakeWord's scoring (1 phase)
     * @param rule     Attend's
     */
    static WakeDetectionReport.VoiceResult voice(String voice, WakeRawScores raw, int offsets, WakeOptions baseline,
                                                 WakeOptions rule) {
        List<String> models = List.copyOf(WakeBench.WORDS.keySet());
        List<String> single = new ArrayList<>();
        List<String> robust = new ArrayList<>();
        int[] phaseOfPeak = new int[rule.phases()];
        int[] phaseHits = new int[rule.phases()];
        int wrongS = 0;
        int wrongA = 0;
        int doubleA = 0;
        double cpu = 0;
        double audio = 0;
        for (int wi = 0; wi < models.size(); wi++) {
            int h = raw.heads().indexOf(models.get(wi));
            StringBuilder ms = new StringBuilder();
            StringBuilder ma = new StringBuilder();
            for (int k = 0; k < offsets; k++) {
                WakeRawScores.Clip c = raw.clips().get(wi * offsets + k);
                cpu += c.cpuSeconds();
                audio += c.blocks() * 0.08;
                WakeReplay.Outcome o = WakeReplay.replay(raw, c, baseline);
                WakeReplay.Outcome a = WakeReplay.replay(raw, c, rule);
                for (int x = 0; x < raw.heads().size(); x++) {
                    if (x != h) {
                        wrongS += o.detections().get(x).size();
                        wrongA += a.detections().get(x).size();
                    }
                }
                List<WakeDecider.Detection> mine = a.detections().get(h);
                ms.append(o.detections().get(h).isEmpty() ? '.' : 'x');
                ma.append(mine.isEmpty() ? '.' : 'x');
                doubleA += mine.size() > 1 ? 1 : 0;
                float[] peaks = a.peakPerPhase()[h];
                int top = 0;
                for (int p = 0; p < peaks.length; p++) {
                    phaseHits[p] += peaks[p] >= rule.threshold() ? 1 : 0;
                    top = peaks[p] > peaks[top] ? p : top;
                }
                if (!mine.isEmpty()) {
                    phaseOfPeak[top]++;
                }
            }
            single.add(ms.toString());
            robust.add(ma.toString());
        }
        return new WakeDetectionReport.VoiceResult(voice, single, robust, wrongS, wrongA, doubleA, phaseOfPeak,
                phaseHits, cpu, audio);
    }
}
