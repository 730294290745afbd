package dev.attend.event;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small typed publish/subscribe bus: {@code bus.subscribe(AsrEvents.Final.class, f -> …)} receives every
 * published item that is an instance of that class, so a subscriber to a supertype (e.g. {@link AttendEvent})
 * receives all of them. Subscribers run synchronously on the publishing thread, in subscription order; one that
 * throws is logged and skipped, the others still get the item. Subscribing, unsubscribing and publishing are safe
 * from any thread at any time. Subscribers must be quick: slow work belongs in a pipeline stage fed by the bus.
 *
 * @param <B> the base type of what travels on this bus ({@link AttendEvent}, {@code Token}, …)
 */
public final class EventBus<B> {

    private static final Logger LOG = LoggerFactory.getLogger(EventBus.class);

    private final String name;
    private final List<Sub<?>> subscribers = new CopyOnWriteArrayList<>();

    /** @param name for logs, e.g. {@code events} or {@code tokens} */
    public EventBus(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** A subscription; {@link #close} ends it (idempotent). */
    @FunctionalInterface
    public interface Subscription extends AutoCloseable {
        @Override
        void close();
    }

    private record Sub<T>(Class<T> type, Consumer<? super T> consumer) {
        void deliver(Object item) {
            consumer.accept(type.cast(item));
        }
    }

    /** Receives every published item that is a {@code type} (including subclasses and implementations). */
    public <T extends B> Subscription subscribe(Class<T> type, Consumer<? super T> consumer) {
        Sub<T> s = new Sub<>(Objects.requireNonNull(type, "type"), Objects.requireNonNull(consumer, "consumer"));
        subscribers.add(s);
        return () -> subscribers.remove(s);
    }

    /** Hands {@code item} to every subscriber of its class or one of its supertypes. */
    public void publish(B item) {
        Objects.requireNonNull(item, "item");
        for (Sub<?> s : subscribers) {
            if (s.type().isInstance(item)) {
                try {
                    s.deliver(item);
                } catch (RuntimeException e) {
                    LOG.warn("{} bus: a subscriber to {} failed on {}; the others still got it", name,
                            s.type().getSimpleName(), item.getClass().getSimpleName(), e);
                }
            }
        }
    }

    /** True when some subscriber would receive an item of this class (lets publishers skip building items). */
    public boolean hasSubscribers(Class<?> type) {
        for (Sub<?> s : subscribers) {
            if (s.type().isAssignableFrom(type)) {
                return true;
            }
        }
        return false;
    }

    public int subscriberCount() {
        return subscribers.size();
    }

    @Override
    public String toString() {
        return name + " bus (" + subscribers.size() + " subscribers)";
    }
}
