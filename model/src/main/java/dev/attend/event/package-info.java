/**
 * Every event type of the session's event stream (records of the sealed {@link dev.attend.event.AttendEvent}),
 * their one JSON codec ({@link dev.attend.event.EventCodec}), the typed {@link dev.attend.event.EventBus}, sinks and
 * the JSON Lines writer. Uses Jackson and SLF4J only, never a feature package.
 */
package dev.attend.event;
