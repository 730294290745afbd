package dev.attend.speaker.xvector;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Kaldi's binary nnet3 format ({@code final.ext.raw}): a {@code \0B} binary marker, the token
 * {@code <Nnet3>}, config lines up to an empty line, {@code <NumComponents>} and then per component
 * {@code <ComponentName> name <Type> (<Field> value)* </Type>}. Values are a size byte and a little-endian number,
 * {@code T}/{@code F}, or a matrix/vector ({@code FM}/{@code FV} (float), {@code DM}/{@code DV} (double), then
 * sizes, then the numbers). Written here from the layout of the file itself.
 */
public final class Nnet3Reader {

    private final ByteBuffer in;

    private Nnet3Reader(byte[] data) {
        this.in = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * @throws IOException the file cannot be read or is not a binary nnet3 network (the message says where)
     */
    public static Nnet3Model read(Path file) throws IOException {
        try {
            return new Nnet3Reader(Files.readAllBytes(file)).model();
        } catch (java.nio.BufferUnderflowException | IllegalStateException | ClassCastException e) {
            throw new IOException(file.getFileName() + " is not a readable binary nnet3 network: " + e.getMessage());
        }
    }

    private Nnet3Model model() throws IOException {
        if (in.get() != 0 || in.get() != 'B') {
            throw new IOException("no binary marker");
        }
        expect("<Nnet3>");
        List<String> config = new ArrayList<>();
        String line = line();
        while (line.isBlank()) {
            line = line();
        }
        for (; !line.isBlank(); line = line()) {
            config.add(line.strip());
        }
        expect("<NumComponents>");
        int n = scalar(4).getInt();
        Map<String, Nnet3Model.Component> components = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            expect("<ComponentName>");
            String name = token();
            String type = token();
            String end = "</" + type.substring(1);
            Map<String, Object> fields = new LinkedHashMap<>();
            for (String field = token(); !field.equals(end); field = token()) {
                fields.put(field.substring(1, field.length() - 1), value());
            }
            components.put(name, new Nnet3Model.Component(name, type.substring(1, type.length() - 1), fields));
        }
        return new Nnet3Model(List.copyOf(config), components);
    }

    private Object value() throws IOException {
        int p = in.position();
        byte b = in.get(p);
        if (b == 4 || b == 8) {
            in.get();
            byte[] raw = new byte[b];
            in.get(raw);
            return raw;
        }
        byte next = in.get(p + 1);
        if ((b == 'T' || b == 'F') && next != 'M' && next != 'V') {
            in.get(); // a flag, written without a following space
            return b == 'T';
        }
        String t = token();
        return switch (t) {
            case "FM", "DM" -> matrix(t.charAt(0) == 'D');
            case "FV", "DV" -> vector(t.charAt(0) == 'D');
            default -> throw new IOException("unexpected value '" + t + "' at byte " + p);
        };
    }

    private float[][] matrix(boolean dbl) {
        int rows = scalar(4).getInt();
        int cols = scalar(4).getInt();
        float[][] m = new float[rows][cols];
        for (float[] row : m) {
            for (int c = 0; c < cols; c++) {
                row[c] = dbl ? (float) in.getDouble() : in.getFloat();
            }
        }
        return m;
    }

    private float[] vector(boolean dbl) {
        int dim = scalar(4).getInt();
        float[] v = new float[dim];
        for (int i = 0; i < dim; i++) {
            v[i] = dbl ? (float) in.getDouble() : in.getFloat();
        }
        return v;
    }

    private ByteBuffer scalar(int size) {
        int s = in.get();
        if (s != size) {
            throw new IllegalStateException("expected a " + size + "-byte number at byte " + (in.position() - 1));
        }
        return in;
    }

    private void expect(String token) throws IOException {
        String t = token();
        if (!t.equals(token)) {
            throw new IOException("expected " + token + ", found '" + t + "' at byte " + in.position());
        }
    }

    /** A whitespace-delimited token (the single space after it is consumed). */
    private String token() throws EOFException {
        while (in.hasRemaining() && Character.isWhitespace(in.get(in.position()))) {
            in.get();
        }
        int start = in.position();
        while (in.hasRemaining() && !Character.isWhitespace(in.get(in.position()))) {
            in.get();
        }
        if (start == in.position()) {
            throw new EOFException("end of file where a token was expected");
        }
        String t = new String(in.array(), start, in.position() - start, StandardCharsets.US_ASCII);
        if (in.hasRemaining()) {
            in.get();
        }
        return t;
    }

    private String line() {
        int start = in.position();
        while (in.get() != '\n') {
            // up to the end of the line
        }
        return new String(in.array(), start, in.position() - start - 1, StandardCharsets.US_ASCII);
    }
}
