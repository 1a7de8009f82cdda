package org.kunnafoni.intake;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.channel.InboundMessage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpoolTest {
    @TempDir
    Path dir;

    static InboundMessage message(int n) {
        return new InboundMessage("twilio", InboundMessage.Kind.SMS, "SM" + n, "+2237600000" + n, "+1500",
                "alerte ɛ " + n, Instant.parse("2026-11-29T10:00:00Z").plusSeconds(n), Optional.empty());
    }

    @Test
    void replaysInOrderAndEmpties() throws Exception {
        try (Spool spool = new Spool(dir)) {
            for (int i = 0; i < 5; i++) {
                spool.append(message(i));
            }
            assertThat(spool.depth()).isEqualTo(5);
            List<InboundMessage> replayed = new ArrayList<>();
            spool.replay(replayed::add);
            assertThat(replayed).containsExactly(message(0), message(1), message(2), message(3), message(4));
            assertThat(spool.depth()).isZero();
        }
    }

    @Test
    void survivesReopenAndKeepsEverythingAppended() throws Exception {
        try (Spool spool = new Spool(dir)) {
            spool.append(message(1));
            spool.append(message(2));
        }
        try (Spool reopened = new Spool(dir)) {
            assertThat(reopened.depth()).isEqualTo(2);
            List<InboundMessage> replayed = new ArrayList<>();
            reopened.replay(replayed::add);
            assertThat(replayed).containsExactly(message(1), message(2));
        }
    }

    @Test
    void failedReplayKeepsWhatWasNotStoredAndNewMessagesFollowInOrder() throws Exception {
        try (Spool spool = new Spool(dir)) {
            spool.append(message(1));
            spool.append(message(2));
            assertThatThrownBy(() -> spool.replay(m -> {
                if (m.providerId().equals("SM2")) {
                    throw new IOException("redis went away again");
                }
            })).isInstanceOf(IOException.class);
            spool.append(message(3));
            assertThat(spool.depth()).isEqualTo(3);
            List<String> replayed = new ArrayList<>();
            spool.replay(m -> replayed.add(m.providerId()));
            // SM1 comes again: the sink drops provider duplicates, so replaying it twice is harmless
            assertThat(replayed).containsExactly("SM1", "SM2", "SM3");
            assertThat(spool.depth()).isZero();
        }
    }

    @Test
    void tornTailFromACrashIsDroppedButCompleteRecordsKept() throws Exception {
        try (Spool spool = new Spool(dir)) {
            spool.append(message(1));
            spool.append(message(2));
        }
        Path open = dir.resolve("open.spool");
        long size = Files.size(open);
        Files.write(open, new byte[]{0, 0, 0, 50, 1, 2, 3}, StandardOpenOption.APPEND);
        try (Spool recovered = new Spool(dir)) {
            assertThat(recovered.depth()).isEqualTo(2);
            assertThat(Files.size(open)).isEqualTo(size);
            List<String> replayed = new ArrayList<>();
            recovered.replay(m -> replayed.add(m.providerId()));
            assertThat(replayed).containsExactly("SM1", "SM2");
        }
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("open.spool");
        }
    }
}
