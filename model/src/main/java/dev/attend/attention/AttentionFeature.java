package dev.attend.attention;

import dev.attend.encoders.text.MiniLm;
import dev.attend.encoders.text.MiniLmFiles;
import dev.attend.models.BundledModel;
import dev.attend.session.SessionAssembly;
import dev.attend.session.SessionFeature;

/**
 * MiniLM on each final transcript: 72 attention maps as events and the text tokens on the token bus.
 *
 * @param maxTokens transcripts are cut to this many tokens, {@code [CLS]} and {@code [SEP]} included
 */
public record AttentionFeature(int maxTokens) implements SessionFeature {

    public AttentionFeature {
        if (maxTokens < 3 || maxTokens > MiniLm.MAX_TOKENS) {
            throw new IllegalArgumentException("attention maxTokens must be in 3.." + MiniLm.MAX_TOKENS + ": "
                    + maxTokens);
        }
    }

    public static AttentionFeature defaults() {
        return new AttentionFeature(AttentionTap.DEFAULT_MAX_TOKENS);
    }

    @Override
    public String name() {
        return AttentionTap.SOURCE;
    }

    @Override
    public void contribute(SessionAssembly session) {
        new AttentionTap(() -> MiniLm.load(MiniLmFiles.BUNDLED, BundledModel.defaultCacheDir(), true, maxTokens))
                .addTo(session.pipeline());
    }
}
