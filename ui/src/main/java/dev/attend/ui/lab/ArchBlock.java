package dev.attend.ui.lab;

/**
 * The boxes of the seed's architecture diagram, top to bottom: inputs → modality encoders → modality
 * self-attention → cross-modal attention → multi-head → FFN → heads. A box that is an attention map names its
 * query and key axes as the {@code attention} events do ({@code mapBlock}, e.g. {@code "audio → video"}).
 */
public enum ArchBlock {
    AUDIO_IN(0, "audio", null), VIDEO_IN(0, "video", null), TEXT_IN(0, "text", null),
    AUDIO_ENC(1, "audio", null), VIDEO_ENC(1, "video", null), TEXT_ENC(1, "text", null),
    AUDIO_SELF(2, "audio", "audio → audio"), VIDEO_SELF(2, "video", "video → video"),
    TEXT_SELF(2, "text", "text → text"),
    AUDIO_FROM_VIDEO(3, "audio", "audio → video"), VIDEO_FROM_AUDIO(3, "video", "video → audio"),
    TEXT_FROM_AUDIO(3, "text", "text → audio"),
    MULTI_HEAD(4, null, null), FFN(5, null, null),
    SYNC_HEAD(6, null, null), ADDRESSEE_HEAD(6, null, null), INTENT_HEAD(6, null, null),
    CONTRASTIVE_HEAD(6, null, null);

    /** Number of diagram rows. */
    public static final int ROWS = 7;
    private final int row;
    private final String modality;
    private final String mapBlock;

    ArchBlock(int row, String modality, String mapBlock) {
        this.row = row;
        this.modality = modality;
        this.mapBlock = mapBlock;
    }

    public int row() {
        return row;
    }

    /** audio, video or text; null for the shared stages. */
    public String modality() {
        return modality;
    }

    /** The attention block this box shows ({@code queryAxis → keyAxis}), or null when it is no attention map. */
    public String mapBlock() {
        return mapBlock;
    }

    /** Resource-bundle key of the box's label. */
    public String labelKey() {
        return "arch." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }

    /** The box showing fusion maps of this block, or null. */
    public static ArchBlock ofMapBlock(String block) {
        for (ArchBlock b : values()) {
            if (b.mapBlock != null && b.mapBlock.equals(block)) {
                return b;
            }
        }
        return null;
    }
}
