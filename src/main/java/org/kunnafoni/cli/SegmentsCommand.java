package org.kunnafoni.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kunnafoni.text.Gsm7Transliterator;
import org.kunnafoni.text.SegmentCount;
import org.kunnafoni.text.SegmentCounter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;

/** Prints the SMS encoding and segment count of each line of standard input as one JSON object. */
@Command(name = "segments",
        description = {"Read texts from standard input (UTF-8), one per line, and print one JSON object per line:",
                "{\"encoding\":\"gsm7\",\"segments\":1,\"units\":12}. Exit code 1 at the first line that is not UTF-8."})
public final class SegmentsCommand implements Callable<Integer> {
    static final int EXIT_BAD_INPUT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    @Option(names = "--transliterate", description = "Also show the GSM-7 transliteration and its count.")
    boolean transliterate;

    private final InputStream in;
    private final OutputStream out;
    private final OutputStream err;

    public SegmentsCommand() {
        this(System.in, System.out, System.err);
    }

    /** Streams are injected so tests run the command in-process. */
    public SegmentsCommand(InputStream in, OutputStream out, OutputStream err) {
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
        Utf8LineReader lines = new Utf8LineReader(in);
        try {
            for (String line = lines.next(); line != null; line = lines.next()) {
                writer.write(describe(line));
                writer.write('\n');
            }
            return 0;
        } catch (CharacterCodingException e) {
            PrintWriter errors = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
            errors.println("segments: line " + lines.lineNumber() + " is not valid UTF-8; stopped there");
            return EXIT_BAD_INPUT;
        } finally {
            writer.flush();
        }
    }

    /** The whole JSON line, built before anything is written so a failure never leaves half a line. */
    String describe(String text) throws IOException {
        ObjectNode node = counted(JSON.createObjectNode(), SegmentCounter.count(text));
        if (transliterate) {
            String gsm7 = Gsm7Transliterator.transliterate(text);
            ObjectNode alt = node.putObject("gsm7").put("text", gsm7);
            counted(alt, SegmentCounter.count(gsm7));
        }
        return JSON.writeValueAsString(node);
    }

    private static ObjectNode counted(ObjectNode node, SegmentCount count) {
        return node.put("encoding", count.encoding().id())
                .put("segments", count.segments())
                .put("units", count.units());
    }
}
