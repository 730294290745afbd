package dev.attend.fusion.workbench;

import dev.attend.encoders.vision.BlazeFaceDetector;
import dev.attend.encoders.vision.FaceDetection;
import dev.attend.fusion.data.DataDefaults;
import dev.attend.fusion.data.Espeak;
import dev.attend.fusion.data.FaceImages;
import dev.attend.fusion.data.TalkingFace;
import dev.attend.media.VideoFrame;
import dev.attend.training.CalibrationPrompt;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.Java2DFrameConverter;

/**
 * A calibration recording made without a person: espeak-ng reads each prompt inside its slot, and a talking face
 * (a photo whose jaw opens with the speech's loudness) is written as a lossless 25-fps video beside the WAV. What a
 * user in front of a microphone and camera would give, for tests and demos.
 */
public final class CalibrationClip {

    public static final int FPS = 25;
    private static final int RATE = 16000;

    private CalibrationClip() {
    }

    /** The project's prompts, {@code count} of them. */
    public static List<CalibrationPrompt> prompts(int count) {
        return Prompts.ALL.subList(0, Math.min(count, Prompts.ALL.size()));
    }

    /**
     * @param voice espeak-ng voice, e.g. {@code en-us+m3}
     * @param face  a face spec as for fusion data ({@code skimage:astronaut.png}, a file)
     */
    public static void write(Path wav, Path video, List<CalibrationPrompt> prompts, String voice, String face)
            throws IOException {
        int slot = (int) (CalibrationPrompt.SLOT_SECONDS * RATE);
        float[] audio = new float[prompts.size() * slot];
        Espeak espeak = new Espeak("espeak-ng");
        if (!espeak.available()) {
            throw new IOException("espeak-ng not found; install the espeak-ng package");
        }
        int room = (int) ((CalibrationSet.SPEECH_TO - CalibrationSet.SPEECH_FROM) * RATE);
        for (int i = 0; i < prompts.size(); i++) {
            List<String> words = List.of(prompts.get(i).text().split(" "));
            float[] speech = null;
            for (int speed = 160; speech == null || speech.length > room; speed += 30) {
                speech = join(espeak.words(new Espeak.Voice(voice, speed, 50), words));
                if (speed > 300) {
                    throw new IOException("'" + prompts.get(i).text() + "' does not fit its slot");
                }
            }
            System.arraycopy(speech, 0, audio, i * slot + (int) (CalibrationSet.SPEECH_FROM * RATE), speech.length);
        }
        writeWav(wav, audio);
        writeVideo(video, audio, face);
    }

    private static float[] join(List<float[]> words) {
        int gap = RATE * 60 / 1000;
        int n = words.stream().mapToInt(w -> w.length + gap).sum();
        float[] out = new float[n];
        int at = 0;
        for (float[] w : words) {
            System.arraycopy(w, 0, out, at, w.length);
            at += w.length + gap;
        }
        return out;
    }

    private static void writeWav(Path wav, float[] audio) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(audio.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : audio) {
            b.putShort((short) Math.round(Math.max(-1f, Math.min(1f, v)) * 32767));
        }
        AudioFormat f = new AudioFormat(RATE, 16, 1, true, false);
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(b.array()), f, audio.length)) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, wav.toFile());
        }
    }

    private static void writeVideo(Path file, float[] audio, String faceSpec) throws IOException {
        VideoFrame canvas = FaceImages.load(DataDefaults.resolve(faceSpec));
        TalkingFace face;
        try (BlazeFaceDetector detector = BlazeFaceDetector.load()) {
            List<FaceDetection> found = detector.detect(canvas);
            if (found.isEmpty()) {
                throw new IOException("BlazeFace finds no face in " + faceSpec);
            }
            face = new TalkingFace(canvas, found.get(0));
        } catch (ai.djl.translate.TranslateException e) {
            throw new IOException("face detection failed: " + e.getMessage(), e);
        }
        double peak = 1e-6;
        int hop = RATE / 100;
        double[] rms = new double[audio.length / hop + 1];
        for (int k = 0; k < rms.length; k++) {
            double s = 0;
            int n = 0;
            for (int j = k * hop - 2 * hop; j < k * hop + 2 * hop; j++) {
                if (j >= 0 && j < audio.length) {
                    s += audio[j] * audio[j];
                    n++;
                }
            }
            rms[k] = Math.sqrt(s / Math.max(1, n));
            peak = Math.max(peak, rms[k]);
        }
        int frames = (int) ((long) audio.length * FPS / RATE);
        BufferedImage img = new BufferedImage(canvas.width(), canvas.height(), BufferedImage.TYPE_3BYTE_BGR);
        byte[] px = ((java.awt.image.DataBufferByte) img.getRaster().getDataBuffer()).getData();
        try (FFmpegFrameRecorder rec = new FFmpegFrameRecorder(file.toFile(), canvas.width(), canvas.height(), 0);
             Java2DFrameConverter conv = new Java2DFrameConverter()) {
            rec.setFormat("matroska");
            rec.setVideoCodec(avcodec.AV_CODEC_ID_FFV1);
            rec.setFrameRate(FPS);
            rec.start();
            for (int j = 0; j < frames; j++) {
                int k = Math.min(rms.length - 1, (int) ((long) j * 100 / FPS));
                byte[] rgb = face.renderStill(Math.sqrt(rms[k] / peak)).rgb();
                for (int p = 0; p < rgb.length; p += 3) { // RGB → the image's BGR
                    px[p] = rgb[p + 2];
                    px[p + 1] = rgb[p + 1];
                    px[p + 2] = rgb[p];
                }
                rec.record(conv.convert(img));
            }
            rec.stop();
        }
    }
}
