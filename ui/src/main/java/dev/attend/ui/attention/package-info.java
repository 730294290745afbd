/**
 * The attention lab: heatmaps of attention maps with the formula behind each cell, and the typed-text port.
 */
package dev.attend.ui.attention;
