package org.kunnafoni.store;

import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/** A Lua script run by digest, sent in full only when Redis does not know it (first use, or after a restart). */
final class RedisScript {
    private final String source;
    private final String sha1;

    private RedisScript(String source) {
        this.source = source;
        this.sha1 = sha1(source);
    }

    static RedisScript load(String resourceName) {
        try (InputStream in = RedisScript.class.getResourceAsStream("/redis/" + resourceName)) {
            if (in == null) {
                throw new IllegalStateException("missing Redis script " + resourceName);
            }
            return new RedisScript(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read Redis script " + resourceName, e);
        }
    }

    <T> CompletionStage<T> run(RedisClusterAsyncCommands<String, String> redis, ScriptOutputType type, String[] keys,
                               String... args) {
        return redis.<T>evalsha(sha1, type, keys, args)
                .handle((result, error) -> {
                    if (error == null) {
                        return java.util.concurrent.CompletableFuture.completedFuture(result);
                    }
                    Throwable cause = error instanceof CompletionException && error.getCause() != null
                            ? error.getCause() : error;
                    if (cause instanceof RedisNoScriptException) {
                        return redis.<T>eval(source, type, keys, args).toCompletableFuture();
                    }
                    return java.util.concurrent.CompletableFuture.<T>failedFuture(cause);
                })
                .thenCompose(stage -> stage);
    }

    /**
     * For a connection that flushes by hand: loads the script, then queues one EVALSHA per call of {@code each}
     * without a fallback (a fallback queued from a callback would never be flushed). Nothing is sent until the
     * caller flushes.
     */
    CompletionStage<String> load(RedisClusterAsyncCommands<String, String> redis) {
        return redis.scriptLoad(source);
    }

    <T> CompletionStage<T> runLoaded(RedisClusterAsyncCommands<String, String> redis, ScriptOutputType type, String[] keys,
                                     String... args) {
        return redis.<T>evalsha(sha1, type, keys, args);
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
