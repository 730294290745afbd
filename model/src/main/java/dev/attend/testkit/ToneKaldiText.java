package dev.attend.testkit;

import java.util.Locale;

/**
 * The tone model's fixed Kaldi text files: fbank config, transition model, the nnet3 acoustic model, phones and
 * word boundaries. They depend only on the tone language, not on the model's words.
 */
final class ToneKaldiText {

    private ToneKaldiText() {
    }

    static String fbankConf() {
        return "--sample-frequency=16000\n--num-mel-bins=" + ToneLanguage.MEL_BINS + "\n--dither=0.0\n";
    }

    /**
     * Kaldi's TransitionModel in text form: one two-state topology for all phones (state 0 emits pdf class 0 with a
     * self-loop and an exit; state 1 is final and non-emitting), one sorted triple per phone, log-probabilities
     * indexed by transition id with the unused entry 0 first.
     */
    static String transitionModel() {
        int n = ToneLanguage.PHONES;
        StringBuilder sb = new StringBuilder("<TransitionModel> \n<Topology> \n<TopologyEntry> \n<ForPhones> \n");
        for (int p = 1; p <= n; p++) {
            sb.append(p).append(' ');
        }
        sb.append("\n</ForPhones> \n");
        sb.append(String.format(Locale.ROOT, "<State> 0 <PdfClass> 0 <Transition> 0 %s <Transition> 1 %s </State> %n",
                ToneModelWriter.num(ToneModelWriter.LOOP_PROB), ToneModelWriter.num(1 - ToneModelWriter.LOOP_PROB)));
        sb.append("<State> 1 </State> \n</TopologyEntry> \n</Topology> \n");
        int[][] triples = new int[n][];
        for (int p = 1; p <= n; p++) {
            triples[p - 1] = new int[]{p, 0, ToneLanguage.pdfOfPhone(p)};
        }
        for (int i = 1; i < n; i++) {
            // libvosk looks triples up by binary search: unsorted ones are "not found"
            if (triples[i][0] <= triples[i - 1][0]) {
                throw new IllegalStateException("transition model: triples not sorted at " + i);
            }
        }
        sb.append("<Triples> ").append(n).append(" \n");
        for (int[] t : triples) {
            if (t[2] < 0 || t[2] >= ToneLanguage.PDFS) {
                throw new IllegalStateException("transition model: pdf " + t[2] + " out of range");
            }
            sb.append(t[0]).append(' ').append(t[1]).append(' ').append(t[2]).append(" \n");
        }
        sb.append("</Triples> \n<LogProbs> \n [ ");
        double[] logProbs = new double[ToneLanguage.TRANSITION_IDS + 1]; // entry 0 is a dummy: ids start at 1
        for (int p = 1; p <= n; p++) {
            logProbs[ToneLanguage.loopTid(p)] = Math.log(ToneModelWriter.LOOP_PROB);
            logProbs[ToneLanguage.exitTid(p)] = Math.log(1 - ToneModelWriter.LOOP_PROB);
        }
        for (double lp : logProbs) {
            if (!(lp <= 0) || !Double.isFinite(lp)) {
                throw new IllegalStateException("transition model: log-probability " + lp + " is not <= 0");
            }
            sb.append(num7(lp)).append(' ');
        }
        sb.append("] \n</LogProbs> \n</TransitionModel> \n");
        return sb.toString();
    }

    /** nnet3 in text form: input (40 fbank bins) → affine → log-softmax over the pdfs; no priors. */
    static String nnet() {
        int pdfs = ToneLanguage.PDFS;
        int bins = ToneLanguage.MEL_BINS;
        double[][] w = new double[pdfs][bins];
        double[] bias = new double[pdfs];
        for (int t = 0; t < ToneLanguage.TONES; t++) {
            w[1 + t][ToneLanguage.TONE_BINS[t]] = 1.0;
            bias[1 + t] = -ToneModelWriter.THRESHOLD;
        }
        StringBuilder sb = new StringBuilder();
        // the token must be followed by " \n"; a blank line ends the config section
        sb.append("<Nnet3> \n");
        sb.append("input-node name=input dim=").append(bins).append('\n');
        sb.append("component-node name=tone_affine component=tone_affine input=input\n");
        sb.append("component-node name=tone_logsoftmax component=tone_logsoftmax input=tone_affine\n");
        sb.append("output-node name=output input=tone_logsoftmax objective=linear\n\n");
        sb.append("<NumComponents> 2 \n");
        sb.append("<ComponentName> tone_affine <AffineComponent> <LearningRate> 0 <LinearParams> [\n");
        for (int r = 0; r < pdfs; r++) {
            if (w[r].length != bins) {
                throw new IllegalStateException("nnet: row " + r + " has " + w[r].length + " columns, not " + bins);
            }
            sb.append(' ');
            for (double v : w[r]) {
                sb.append(' ').append(num7(v));
            }
            sb.append(r == pdfs - 1 ? " ]\n" : "\n");
        }
        sb.append("<BiasParams> [");
        for (double b : bias) {
            sb.append(' ').append(num7(b));
        }
        sb.append(" ]\n</AffineComponent> \n");
        sb.append("<ComponentName> tone_logsoftmax <LogSoftmaxComponent> <Dim> ").append(pdfs)
                .append(" <ValueAvg> [ ] <DerivAvg> [ ] <Count> 0 </LogSoftmaxComponent> \n");
        sb.append("</Nnet3> \n<LeftContext> 0 <RightContext> 0 <Priors> [ ] \n");
        return sb.toString();
    }

    private static String num7(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return Long.toString((long) v);
        }
        return String.format(Locale.ROOT, "%.7g", v).trim();
    }

    static String phonesTxt() {
        StringBuilder sb = new StringBuilder("<eps> 0\n");
        for (int p = 1; p <= ToneLanguage.PHONES; p++) {
            sb.append(ToneLanguage.phoneName(p)).append(' ').append(p).append('\n');
        }
        return sb.toString();
    }

    static String wordBoundary() {
        StringBuilder sb = new StringBuilder();
        sb.append(ToneLanguage.SILENCE_PHONE).append(" nonword\n");
        for (int t = 0; t < ToneLanguage.TONES; t++) {
            for (int pos = 0; pos < ToneLanguage.POSITIONS.length; pos++) {
                sb.append(ToneLanguage.phone(t, pos)).append(' ').append(ToneLanguage.POSITIONS[pos]).append('\n');
            }
        }
        return sb.toString();
    }
}
