package org.kunnafoni.store;

import io.lettuce.core.Consumer;
import io.lettuce.core.RedisBusyException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAutoClaimArgs;
import io.lettuce.core.XGroupCreateArgs;
import io.lettuce.core.XReadArgs;


import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * One consumer group on one stream, read the same way by every queue that needs it: entries a dead reader left
 * pending longer than {@code reclaimIdle} are taken over first, then new ones are read with a blocking XREADGROUP
 * on a connection of its own (a blocking read would stall the shared, pipelined connection).
 */
final class StreamGroupReader implements AutoCloseable {
    private final RedisConnector redis;
    private final String stream;
    private final String group;
    private final Duration reclaimIdle;
    private final RedisLink blocking;

    /** @param startId where a new group starts: {@code 0} for every entry, {@code $} for new entries only */
    StreamGroupReader(RedisConnector redis, String stream, String group, String startId, Duration reclaimIdle) {
        this.redis = redis;
        this.stream = stream;
        this.group = group;
        this.reclaimIdle = reclaimIdle;
        this.blocking = redis.newConnection();
        createGroup(startId);
    }

    private void createGroup(String startId) {
        try {
            redis.async().xgroupCreate(XReadArgs.StreamOffset.from(stream, startId), group,
                    XGroupCreateArgs.Builder.mkstream()).toCompletableFuture().join();
        } catch (CompletionException e) {
            if (!(e.getCause() instanceof RedisBusyException)) {
                throw e;
            }
        }
    }

    /** Up to {@code max} entries for {@code consumer}: reclaimed ones first, then new ones (waiting up to {@code block}). */
    CompletionStage<List<StreamMessage<String, String>>> take(String consumer, int max, Duration block) {
        Consumer<String> me = Consumer.from(group, consumer);
        XAutoClaimArgs<String> abandoned = new XAutoClaimArgs<String>().consumer(me).minIdleTime(reclaimIdle)
                .startId("0-0").count(max);
        return redis.async().xautoclaim(stream, abandoned).thenCompose(claimed -> {
            List<StreamMessage<String, String>> entries = new ArrayList<>(present(claimed.getMessages()));
            if (entries.size() >= max) {
                return CompletableFuture.completedFuture(entries);
            }
            return blocking.async().xreadgroup(me, XReadArgs.Builder.count(max - entries.size()).block(block),
                            XReadArgs.StreamOffset.lastConsumed(stream))
                    .thenApply(fresh -> {
                        entries.addAll(present(fresh));
                        return entries;
                    });
        });
    }

    CompletionStage<Long> ack(String entryId) {
        return redis.async().xack(stream, group, entryId);
    }

    /** An entry deleted while pending comes back from XAUTOCLAIM without a body: skip it. */
    private static List<StreamMessage<String, String>> present(List<StreamMessage<String, String>> messages) {
        return messages == null ? List.of() : messages.stream().filter(m -> m.getBody() != null).toList();
    }

    @Override
    public void close() {
        blocking.close();
    }
}
