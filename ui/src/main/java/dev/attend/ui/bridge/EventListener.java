package dev.attend.ui.bridge;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** A view-model that takes a batch of events (as JSON trees, fields as in docs/events.md) on the UI thread. */
@FunctionalInterface
public interface EventListener {

    void onEvents(List<JsonNode> batch);
}
