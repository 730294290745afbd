package dev.attend.fusion.live;

import dev.attend.assistant.intent.AudioIntentModel;
import dev.attend.token.Token;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The assistant's intent from sound alone: the bundled fusion model's intent head on the command's audio tokens, so
 * commands get an opinion without any speech model. Loaded on the first command; owns the model until closed.
 */
public final class FusionAudioIntents implements AudioIntentModel, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FusionAudioIntents.class);
    private FusionIntents model;
    private boolean failed;

    @Override
    public synchronized Map<String, Double> intentProbabilities(List<Token> command) {
        return ready(command) ? model.intentProbabilities(vectors(command)) : Map.of();
    }

    /** The slot heads' opinions (action, duration in seconds); empty when the model has none. */
    @Override
    public synchronized Map<String, Map<String, Double>> slotProbabilities(List<Token> command) {
        return ready(command) ? model.slotProbabilities(vectors(command)) : Map.of();
    }

    private boolean ready(List<Token> command) {
        return !command.isEmpty() && loaded();
    }

    /** Loads the head on first use; false (once logged) when it cannot be had. */
    private boolean loaded() {
        if (failed) {
            return false;
        }
        if (model == null) {
            try {
                model = loadHead();
            } catch (IOException | RuntimeException e) {
                failed = true;
                LOG.warn("the fusion model's intent head is not available: {}", e.getMessage());
                return false;
            }
        }
        return true;
    }

    private static List<float[]> vectors(List<Token> command) {
        List<float[]> audio = new ArrayList<>(command.size());
        for (Token t : command) {
            audio.add(t.vector());
        }
        return audio;
    }

    @Override
    public synchronized void close() {
        if (model != null) {
            model.close();
            model = null;
        }
    }

    /** The silence embedding the head pads with, so the assistant pads a command's tail the same way. */
    @Override
    public synchronized float[] silenceToken() {
        return loaded() ? model.silence() : null;
    }

    private static FusionIntents loadHead() throws IOException {
        FusionFeature.oneLibtorchThreadUnlessChosen();
        return FusionIntents.loadBundled();
    }
}
