package org.kunnafoni.intake;

import org.kunnafoni.channel.InboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Local append-only file that holds accepted messages while Redis cannot take them. Each record is
 * [length][CRC32C][JSON] and is fsynced before the caller acknowledges the message. Writing goes to the
 * {@code open} segment; replay first seals it under a sequence number, so new messages keep arriving in a
 * fresh segment while sealed ones are replayed in order and then deleted.
 * A record cut short by a crash was never acknowledged, so recovery drops a torn tail.
 */
public final class Spool implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Spool.class);
    private static final String OPEN = "open.spool";
    private static final String SEALED_PREFIX = "sealed-";
    private static final int HEADER = 8;
    private static final int MAX_RECORD = 1 << 20;

    private final Path dir;
    private final AtomicLong depth = new AtomicLong();
    private FileChannel open;
    private long nextSealed;

    public Spool(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        for (Path segment : segments()) {
            depth.addAndGet(recover(segment));
            nextSealed = Math.max(nextSealed, sequence(segment) + 1);
        }
        Path openPath = dir.resolve(OPEN);
        depth.addAndGet(recover(openPath));
        open = FileChannel.open(openPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        if (depth.get() > 0) {
            LOG.warn("spool holds {} message(s) not yet in Redis; they will be replayed", depth.get());
        }
    }

    /** Number of messages waiting for replay. */
    public long depth() {
        return depth.get();
    }

    /** Writes and fsyncs one message; when this returns, the message survives a crash. */
    public void append(InboundMessage message) throws IOException {
        appendAll(List.of(message));
    }

    /**
     * Writes several messages and fsyncs once (group commit): when this returns they all survive a crash; when it
     * throws, none of them was kept, so none may be acknowledged.
     */
    public synchronized void appendAll(List<InboundMessage> messages) throws IOException {
        ByteBuffer records = encode(messages);
        long start = open.position();
        try {
            while (records.hasRemaining()) {
                open.write(records);
            }
            open.force(false);
        } catch (IOException e) {
            open.truncate(start);
            throw e;
        }
        depth.addAndGet(messages.size());
    }

    private static ByteBuffer encode(List<InboundMessage> messages) {
        List<byte[]> bodies = new ArrayList<>(messages.size());
        int size = 0;
        for (InboundMessage message : messages) {
            byte[] json = SpoolCodec.encode(message);
            bodies.add(json);
            size += HEADER + json.length;
        }
        ByteBuffer records = ByteBuffer.allocate(size);
        for (byte[] json : bodies) {
            CRC32C crc = new CRC32C();
            crc.update(json);
            records.putInt(json.length).putInt((int) crc.getValue()).put(json);
        }
        return records.flip();
    }

    /**
     * Replays every spooled message in order. Stops at the first failure, keeping what was not replayed;
     * replaying a message twice is harmless because the sink drops provider duplicates.
     */
    public void replay(Sink sink) throws Exception {
        replaySegments(messages -> {
            for (InboundMessage message : messages) {
                sink.accept(message);
            }
        });
    }

    /** Like {@link #replay}, one sealed segment at a time, so the sink can pipeline its writes. */
    public void replaySegments(SegmentSink sink) throws Exception {
        seal();
        for (Path segment : segments()) {
            List<InboundMessage> messages = read(segment);
            sink.accept(messages);
            Files.delete(segment);
            depth.addAndGet(-messages.size());
        }
    }

    @FunctionalInterface
    public interface Sink {
        /** Stores one message durably or throws. */
        void accept(InboundMessage message) throws Exception;
    }

    @FunctionalInterface
    public interface SegmentSink {
        /** Stores the messages of one segment durably, in order, or throws. */
        void accept(List<InboundMessage> messages) throws Exception;
    }

    @Override
    public synchronized void close() throws IOException {
        open.close();
    }

    private synchronized void seal() throws IOException {
        if (open.size() == 0) {
            return;
        }
        open.force(true);
        open.close();
        Path sealed = dir.resolve(String.format("%s%012d.spool", SEALED_PREFIX, nextSealed++));
        Files.move(dir.resolve(OPEN), sealed, StandardCopyOption.ATOMIC_MOVE);
        open = FileChannel.open(dir.resolve(OPEN), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND);
    }

    private List<Path> segments() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(SEALED_PREFIX)).sorted().toList();
        }
    }

    private static long sequence(Path segment) {
        String name = segment.getFileName().toString();
        return Long.parseLong(name.substring(SEALED_PREFIX.length(), name.indexOf('.')));
    }

    /** Counts the valid records of a segment and cuts off a torn tail left by a crash mid-write. */
    private static long recover(Path segment) throws IOException {
        if (!Files.exists(segment)) {
            return 0;
        }
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ScanResult scan = scan(channel, null);
            if (scan.validBytes < channel.size()) {
                LOG.warn("spool segment {} had a torn record at byte {}; dropping the unacknowledged tail",
                        segment.getFileName(), scan.validBytes);
                channel.truncate(scan.validBytes);
                channel.force(true);
            }
            return scan.records;
        }
    }

    private static List<InboundMessage> read(Path segment) throws IOException {
        List<InboundMessage> out = new ArrayList<>();
        try (FileChannel channel = FileChannel.open(segment, StandardOpenOption.READ)) {
            scan(channel, out);
        }
        return out;
    }

    private record ScanResult(long records, long validBytes) {
    }

    private static ScanResult scan(FileChannel channel, List<InboundMessage> sink) throws IOException {
        long position = 0;
        long records = 0;
        long size = channel.size();
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        while (position + HEADER <= size) {
            header.clear();
            channel.read(header, position);
            header.flip();
            int length = header.getInt();
            int expectedCrc = header.getInt();
            if (length <= 0 || length > MAX_RECORD || position + HEADER + length > size) {
                break;
            }
            ByteBuffer body = ByteBuffer.allocate(length);
            channel.read(body, position + HEADER);
            CRC32C crc = new CRC32C();
            crc.update(body.array());
            if ((int) crc.getValue() != expectedCrc) {
                break;
            }
            if (sink != null) {
                sink.add(SpoolCodec.decode(body.array()));
            }
            position += HEADER + length;
            records++;
        }
        return new ScanResult(records, position);
    }
}
