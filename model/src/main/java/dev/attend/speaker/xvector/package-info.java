/**
 * Groundwork for computing vosk-model-spk-0.4's x-vector in Attend instead of libvosk (not used yet, see
 * docs/performance.md "Speaker labels"): a reader of Kaldi's binary nnet3 format. JDK only.
 */
package dev.attend.speaker.xvector;
