/**
 * The streaming pipeline: sources, bounded stage queues with overflow policies, stage runners, the event and
 * token buses with their bus stages, stats and the session's end. Uses media, event, token, concurrent.
 */
package dev.attend.pipeline;
