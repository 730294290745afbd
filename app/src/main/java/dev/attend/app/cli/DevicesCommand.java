package dev.attend.app.cli;

import dev.attend.audio.AudioDevices;
import dev.attend.video.CameraDevices;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code attend devices}: audio inputs and cameras. */
@Command(name = "devices", mixinStandardHelpOptions = true,
        description = "List audio inputs (microphones) and cameras.")
public final class DevicesCommand implements java.util.concurrent.Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        List<AudioDevices.InputDevice> mics = AudioDevices.inputs();
        out.println("Audio inputs:");
        if (mics.isEmpty()) {
            out.println("  none found");
        }
        for (AudioDevices.InputDevice d : mics) {
            out.println("  " + d);
        }
        out.println("Cameras:");
        if (!CameraDevices.canEnumerate()) {
            out.println("  this OS cannot list cameras; pass --camera INDEX or --camera NAME to 'attend run'");
        } else {
            List<CameraDevices.Camera> cams = CameraDevices.list();
            if (cams.isEmpty()) {
                out.println("  none found");
            }
            for (CameraDevices.Camera c : cams) {
                out.println("  " + c.index() + ": " + c.name() + " (" + c.input() + ")");
            }
        }
        out.flush();
        return ExitCodes.OK;
    }
}
