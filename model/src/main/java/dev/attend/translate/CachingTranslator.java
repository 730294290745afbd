package dev.attend.translate;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A translator with a least-recently-used cache in front: the same text again gets the same translation without a
 * round trip (ASR repeats itself: the same partial prefix, a repeated phrase). Owns the wrapped translator.
 */
public final class CachingTranslator implements Translator {

    private final Translator delegate;
    private final Map<String, Translation> cache;
    private long hits;
    private long misses;

    public CachingTranslator(Translator delegate, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("cache capacity must be at least 1, not " + capacity);
        }
        this.delegate = delegate;
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Translation> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public String pair() {
        return delegate.pair();
    }

    @Override
    public Translation translate(String text) {
        long t0 = System.nanoTime();
        synchronized (this) {
            Translation hit = cache.get(text);
            if (hit != null) {
                hits++;
                return hit.fromCache(Math.round((System.nanoTime() - t0) / 1e4) / 100.0);
            }
        }
        Translation fresh = delegate.translate(text); // outside the lock: lookups never wait for a round trip
        synchronized (this) {
            misses++;
            cache.put(text, fresh);
        }
        return fresh;
    }

    public synchronized long hits() {
        return hits;
    }

    public synchronized long misses() {
        return misses;
    }

    @Override
    public void warmUp() {
        delegate.warmUp();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
