/**
 * Assembling sessions from media and feature contributions ({@code SessionFeature}): the one place sessions are
 * built, for the app, benches and training. Uses pipeline and the media sources.
 */
package dev.attend.session;
