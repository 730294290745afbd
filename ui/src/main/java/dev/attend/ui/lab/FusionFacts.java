package dev.attend.ui.lab;

import java.util.List;

/**
 * What the lab knows about the fusion model it explains, given by the app from the checkpoint (the UI never loads
 * it): sizes for the diagram's shapes and the formulas, the InfoNCE temperature and the learned task weights.
 *
 * @param dModel      token width after projection
 * @param heads       heads per attention layer
 * @param layers      self-attention layers per modality
 * @param crossLayers cross-modal layers
 * @param ffnDim      feed-forward hidden width
 * @param audioTokens audio (and video) tokens per window
 * @param textTokens  text tokens per window
 * @param inputDims   input widths: audio, video, text
 * @param temperature InfoNCE temperature τ (NaN when unknown)
 * @param tasks       the multi-task loss's task names, in order
 * @param logVars     the learned uncertainty weights sᵢ of those tasks (empty when unknown)
 */
public record FusionFacts(int dModel, int heads, int layers, int crossLayers, int ffnDim, int audioTokens,
                          int textTokens, int[] inputDims, double temperature, List<String> tasks,
                          double[] logVars) {

    public FusionFacts {
        tasks = List.copyOf(tasks);
        logVars = logVars == null ? new double[0] : logVars.clone();
        inputDims = inputDims.clone();
    }

    public int dk() {
        return dModel / heads;
    }

    /** The weight exp(−sᵢ) of task i in the loss, or NaN when the checkpoint's sᵢ are unknown. */
    public double taskWeight(int i) {
        return i < logVars.length ? Math.exp(-logVars[i]) : Double.NaN;
    }
}
