package dev.attend.assistant.service;

import dev.attend.pipeline.Pacing;
import dev.attend.session.SessionAssembly;
import dev.attend.session.SessionFeature;
import java.util.List;

/**
 * The assistant as a session feature: its event stage (wake word, VAD and transcripts → commands → replies) goes on
 * the event bus after the other features' stages.
 */
public record AssistantFeature(AssistantService service, List<String> wakeWords, boolean asr, boolean live)
        implements SessionFeature {

    @Override
    public String name() {
        return "assistant";
    }

    @Override
    public void contribute(SessionAssembly session) {
        service.stage(wakeWords, asr, live, session.pacing() == Pacing.FAST).addTo(session.pipeline());
    }
}
