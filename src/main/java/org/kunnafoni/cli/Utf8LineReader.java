package org.kunnafoni.cli;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Splits a byte stream on LF and decodes each line strictly as UTF-8, so a bad byte is reported on the
 * line that holds it (a decoding Reader works ahead by buffers and would fail on an earlier line).
 * A CR before the LF and a byte order mark at the start are dropped.
 */
final class Utf8LineReader {
    private final InputStream in;
    private int lineNumber;

    Utf8LineReader(InputStream in) {
        this.in = new BufferedInputStream(in);
    }

    /** The next line without its terminator, or null at the end of the input. */
    String next() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int b = in.read();
        if (b < 0) {
            return null;
        }
        while (b >= 0 && b != '\n') {
            bytes.write(b);
            b = in.read();
        }
        lineNumber++;
        String line = decode(bytes.toByteArray());
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        return lineNumber == 1 && line.startsWith("\uFEFF") ? line.substring(1) : line;
    }

    /** 1-based number of the line last read. */
    int lineNumber() {
        return lineNumber;
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
    }
}
