package org.kunnafoni.channel.relay;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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

    /**
     * The device a task request comes from. SMSSync does not always send {@code device_id} when it polls, so
     * without one the secret alone names the device: every secret is compared (no early exit), and a secret
     * shared by two devices identifies neither.
     */
    public Optional<String> identify(Optional<String> deviceId, String secret) {
        if (deviceId.isPresent()) {
            return authenticate(deviceId.get(), secret) ? Optional.of(deviceId.get().trim()) : Optional.empty();
        }
        if (secret == null) {
            return Optional.empty();
        }
        byte[] given = secret.getBytes(StandardCharsets.UTF_8);
        List<String> matches = new ArrayList<>();
        secrets.forEach((device, expected) -> {
            if (MessageDigest.isEqual(expected, given)) {
                matches.add(device);
            }
        });
        return matches.size() == 1 ? Optional.of(matches.get(0)) : Optional.empty();
    }

    public boolean isEmpty() {
        return secrets.isEmpty();
    }
}
