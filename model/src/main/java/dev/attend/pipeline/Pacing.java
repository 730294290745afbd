package dev.attend.pipeline;

/** How file sources are fed. Live sources (microphone, camera) are always real time. */
public enum Pacing {
    /** As if live: an item is released when the wall clock reaches its media time. Demos, latency measurements. */
    REALTIME,
    /** As fast as the stages take it, with backpressure and no drops. Batch work and benchmarks. */
    FAST
}
