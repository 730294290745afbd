/**
 * The fusion lab around the attention heatmaps: media signals and head outputs over time, the architecture diagram
 * with the seed's formulas, and the speaker-vector map. View-models read typed events from the bridge; views bind.
 */
package dev.attend.ui.lab;
