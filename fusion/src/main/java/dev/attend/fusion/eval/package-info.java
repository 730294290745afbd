/**
 * Evaluation of a fusion model on generated data: AV-sync accuracy, addressee ROC-AUC, intent accuracy and
 * confusion, audio→text retrieval and word alignment from attention. Uses the fusion model, data and train packages.
 */
package dev.attend.fusion.eval;
