package dev.attend.encoders.vision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class VideoTokenStreamTest {

    @Test
    void aFailingListenerDoesNotStopTheOthersAndUnsubscribeWorks() {
        VideoTokenStream s = new VideoTokenStream();
        List<VideoToken> got = new ArrayList<>();
        s.subscribe(t -> {
            throw new IllegalStateException("broken listener");
        });
        Runnable off = s.subscribe(got::add);
        VideoToken a = new VideoToken(0.5, 12, 1, new float[FaceDescriptor.SIZE]);
        s.publish(a);
        off.run();
        s.publish(new VideoToken(0.6, 13, 1, new float[FaceDescriptor.SIZE]));
        assertThat(got).containsExactly(a);
    }
}
