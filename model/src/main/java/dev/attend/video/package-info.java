/**
 * Video in: files and cameras through JavaCV/FFmpeg, camera discovery, and the frame event stage.
 */
package dev.attend.video;
