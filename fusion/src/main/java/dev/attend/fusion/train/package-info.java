/**
 * Training of the fusion transformer: the losses (InfoNCE, task losses, uncertainty weighting), batching of the
 * generated data, the training loop with its logs, checkpoints and resume. Uses the fusion model and data packages.
 */
package dev.attend.fusion.train;
