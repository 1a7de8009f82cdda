package org.kunnafoni.app;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One running gateway per data folder. A second one would share the spool file and, with the embedded Redis, take
 * the first one's Redis for an orphan and stop it under a live gateway. The lock is the operating system's, held
 * for the life of the process, so a gateway killed with SIGKILL leaves nothing stale behind: the next start gets it.
 */
public final class DataDirLock implements AutoCloseable {
    static final String FILE = "gateway.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private DataDirLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** @throws InUse when another running gateway holds the folder */
    public static DataDirLock acquire(Path dataDir) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException sameProcess) {
            lock = null;
        }
        if (lock == null) {
            String holder = Files.readString(file, StandardCharsets.US_ASCII).trim();
            channel.close();
            throw new InUse("the data folder " + dataDir.toAbsolutePath() + " is in use by another running gateway"
                    + (holder.isEmpty() ? "" : " (pid " + holder + ")")
                    + ": stop it first, or give this one its own data-dir (KUNNAFONI_DATA_DIR)");
        }
        channel.truncate(0);
        channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid()).getBytes(StandardCharsets.US_ASCII)), 0);
        channel.force(false);
        return new DataDirLock(channel, lock);
    }

    @Override
    public void close() throws IOException {
        lock.release();
        channel.close();
    }

    /** Another running gateway holds the data folder. */
    public static final class InUse extends IOException {
        InUse(String message) {
            super(message);
        }
    }
}
