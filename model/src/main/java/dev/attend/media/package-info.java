/**
 * The media items on the buses: audio chunks and video frames on the media clock. Plain data.
 */
package dev.attend.media;
