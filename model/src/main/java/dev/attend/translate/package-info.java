/**
 * Offline translation with Apertium (a persistent pipeline per pair), a cache, stable prefixes of partials, and
 * the translation event stage with its session feature.
 */
package dev.attend.translate;
