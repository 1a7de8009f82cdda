package org.kunnafoni.intake;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.channel.InboundMessage;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpoolBatcherTest {
    private static final int THREADS = 8;
    private static final int PER_THREAD = 250;

    @TempDir
    Path dir;

    private final ExecutorService writer = Executors.newSingleThreadExecutor();
    private final ExecutorService senders = Executors.newFixedThreadPool(THREADS);

    @AfterEach
    void stop() {
        writer.shutdownNow();
        senders.shutdownNow();
    }

    @Test
    void concurrentAppendsAreAllDurableAndEachSendersOrderIsKept() throws Exception {
        try (Spool spool = new Spool(dir)) {
            SpoolBatcher batcher = new SpoolBatcher(spool, writer);
            CountDownLatch start = new CountDownLatch(1);
            List<CompletableFuture<Void>> all = new ArrayList<>();
            List<CompletableFuture<List<CompletableFuture<Void>>>> threads = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                threads.add(CompletableFuture.supplyAsync(() -> {
                    await(start);
                    List<CompletableFuture<Void>> mine = new ArrayList<>();
                    for (int i = 0; i < PER_THREAD; i++) {
                        mine.add(batcher.append(SpoolTest.message(thread * 10_000 + i)).toCompletableFuture());
                    }
                    return mine;
                }, senders));
            }
            start.countDown();
            for (CompletableFuture<List<CompletableFuture<Void>>> thread : threads) {
                all.addAll(thread.get(30, TimeUnit.SECONDS));
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);

            assertThat(spool.depth()).isEqualTo(THREADS * PER_THREAD);
            List<InboundMessage> replayed = new ArrayList<>();
            spool.replay(replayed::add);
            assertThat(replayed).hasSize(THREADS * PER_THREAD);
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                List<String> ids = replayed.stream().map(InboundMessage::providerId)
                        .filter(id -> Integer.parseInt(id.substring(2)) / 10_000 == thread).toList();
                assertThat(ids).as("sender %d in the order it appended", thread)
                        .isEqualTo(java.util.stream.IntStream.range(0, PER_THREAD)
                                .mapToObj(i -> "SM" + (thread * 10_000 + i)).toList());
            }
        }
    }

    @Test
    void aWriteTheDiskRefusesFailsEveryMessageOfTheBatchAndKeepsNone() throws Exception {
        Spool spool = new Spool(dir);
        spool.close(); // every write now fails with an IOException, as a full or broken disk would
        SpoolBatcher batcher = new SpoolBatcher(spool, writer);
        CompletableFuture<Void> first = batcher.append(SpoolTest.message(1)).toCompletableFuture();
        CompletableFuture<Void> second = batcher.append(SpoolTest.message(2)).toCompletableFuture();
        assertThatThrownBy(() -> first.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(java.io.IOException.class);
        assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(java.io.IOException.class);
        assertThat(spool.depth()).isZero();
    }

    @Test
    void aStoppedWriterRefusesAtOnceInsteadOfHanging() throws Exception {
        try (Spool spool = new Spool(dir)) {
            writer.shutdown();
            CompletableFuture<Void> refused = new SpoolBatcher(spool, writer).append(SpoolTest.message(1))
                    .toCompletableFuture();
            assertThatThrownBy(() -> refused.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(java.io.IOException.class);
            assertThat(spool.depth()).isZero();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
