package org.kunnafoni.channel.relay;

import java.util.Map;
import java.util.Optional;

/**
 * Which relay phone sends to a recipient: the phone configured for the recipient's region, else the default
 * phone. A local SIM in the same region is cheaper and more often on the recipient's network.
 */
public record RelayRouting(Map<String, String> deviceForRegion, Optional<String> defaultDevice) {
    public RelayRouting {
        deviceForRegion = Map.copyOf(deviceForRegion);
        defaultDevice = defaultDevice == null ? Optional.empty() : defaultDevice.filter(d -> !d.isBlank());
    }

    public static RelayRouting none() {
        return new RelayRouting(Map.of(), Optional.empty());
    }

    /** True when at least one phone can send, so the relay channel is worth offering to the dispatcher. */
    public boolean configured() {
        return defaultDevice.isPresent() || !deviceForRegion.isEmpty();
    }

    public Optional<String> deviceFor(Optional<String> region) {
        return region.map(deviceForRegion::get).or(() -> defaultDevice);
    }
}
