/**
 * The token bus's item: {@link dev.attend.token.Token}, one embedding of one modality (audio, video, text) on the
 * media clock, for the fusion transformer. Plain data; depends on nothing else in the project.
 */
package dev.attend.token;
