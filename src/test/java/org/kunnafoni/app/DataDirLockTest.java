package org.kunnafoni.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.kunnafoni.support.GatewayFixture;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One running gateway per data folder: a second one is refused before it touches anything of the first. */
class DataDirLockTest {
    @TempDir
    Path data;

    @Test
    void aSecondGatewayOnTheSameFolderIsRefusedAndLeavesTheFirstOneWorking() throws Exception {
        try (GatewayFixture first = GatewayFixture.start(data)) {
            assertThatThrownBy(() -> GatewayFixture.start(data))
                    .isInstanceOf(DataDirLock.InUse.class)
                    .hasMessageContaining("in use by another running gateway")
                    .hasMessageContaining("pid " + ProcessHandle.current().pid());
            // the first gateway's embedded Redis was not taken for an orphan and stopped
            assertThat(first.postTwilio(GatewayFixture.twilioSms("SMlock1", "+22376000031", "alerte")).statusCode())
                    .isEqualTo(200);
            assertThat(first.intakeEntries()).extracting(e -> e.getBody().get("provider_id")).contains("SMlock1");
            assertThat(first.get("/ready").body()).contains("\"status\":\"ready\"");
        }
        try (GatewayFixture again = GatewayFixture.start(data)) {
            assertThat(again.intakeEntries()).as("the folder is free once the first gateway stopped").hasSize(1);
        }
    }

    @Test
    void theLockIsFreeAgainOnceReleased() throws Exception {
        DataDirLock lock = DataDirLock.acquire(data);
        assertThatThrownBy(() -> DataDirLock.acquire(data)).isInstanceOf(DataDirLock.InUse.class);
        lock.close();
        DataDirLock.acquire(data).close();
    }
}
