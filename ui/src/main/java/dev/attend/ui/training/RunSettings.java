package dev.attend.ui.training;

import dev.attend.training.TrainingRequest;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** The Training tab's choices for the next run (data, epochs, width, batch, learning rate), as properties. */
public final class RunSettings {

    private final IntegerProperty utterances = new SimpleIntegerProperty(48);
    private final StringProperty voices = new SimpleStringProperty("en-us+m1, en-us+f2, en-gb+m3, en-gb+f1");
    private final ObjectProperty<Path> dataFolder = new SimpleObjectProperty<>();
    private final IntegerProperty pretrainEpochs = new SimpleIntegerProperty(2);
    private final IntegerProperty epochs = new SimpleIntegerProperty(10);
    private final IntegerProperty width = new SimpleIntegerProperty(32);
    private final IntegerProperty batch = new SimpleIntegerProperty(6);
    private final DoubleProperty learningRate = new SimpleDoubleProperty(1e-3);

    /**
     * The request these settings make, writing into {@code out} (1 libtorch thread).
     *
     * @throws IllegalArgumentException when they cannot make a run (the message says why)
     */
    TrainingRequest request(Path out) {
        return new TrainingRequest(dataFolder.get(), utterances.get(), voiceList(), pretrainEpochs.get(),
                epochs.get(), width.get(), batch.get(), (float) learningRate.get(), 1, out, false);
    }

    private List<String> voiceList() {
        return Arrays.stream(voices.get().split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    public IntegerProperty utterancesProperty() {
        return utterances;
    }

    public StringProperty voicesProperty() {
        return voices;
    }

    public ObjectProperty<Path> dataFolderProperty() {
        return dataFolder;
    }

    public IntegerProperty pretrainEpochsProperty() {
        return pretrainEpochs;
    }

    public IntegerProperty epochsProperty() {
        return epochs;
    }

    public IntegerProperty widthProperty() {
        return width;
    }

    public IntegerProperty batchProperty() {
        return batch;
    }

    public DoubleProperty learningRateProperty() {
        return learningRate;
    }
}
