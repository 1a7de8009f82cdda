package org.kunnafoni.channel.relay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Map;

/** The relay phones allowed to post, each with its own shared secret (from KUNNAFONI_RELAY_SECRETS). */
public final class RelayDevices {
    private final Map<String, byte[]> secrets;

    public RelayDevices(Map<String, String> secretsByDevice) {
        this.secrets = secretsByDevice.entrySet().stream().collect(java.util.stream.Collectors.toUnmodifiableMap(
                Map.Entry::getKey, e -> e.getValue().getBytes(StandardCharsets.UTF_8)));
    }

    /** Constant-time comparison, so a wrong secret reveals nothing about the right one. */
    public boolean authenticate(String deviceId, String secret) {
        byte[] expected = secrets.get(deviceId == null ? "" : deviceId.trim());
        if (expected == null || secret == null) {
            return false;
        }
        return MessageDigest.isEqual(expected, secret.getBytes(StandardCharsets.UTF_8));
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }
}
