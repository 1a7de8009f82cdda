package org.kunnafoni.campaign;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How a campaign's messages leave: through Twilio, or through the relay phones (SMSSync) where Twilio cannot
 * deliver. A relay campaign names one phone ({@code device}) or leaves the choice to the relay routing (the phone
 * of the recipient's region, else the default phone).
 */
public record CampaignChannel(String id, Optional<String> device) {
    public static final String TWILIO = "twilio";
    public static final String RELAY = "relay";
    public static final List<String> CHOICES = List.of(TWILIO, RELAY);

    public CampaignChannel {
        Objects.requireNonNull(id, "id");
        device = device == null ? Optional.empty() : device;
        if (!CHOICES.contains(id) || TWILIO.equals(id) && device.isPresent()) {
            throw new IllegalArgumentException("channel " + id + " with device " + device);
        }
    }

    public static CampaignChannel twilio() {
        return new CampaignChannel(TWILIO, Optional.empty());
    }

    /**
     * What the gateway can send through, for validating requests.
     *
     * @param relayRouted  a relay phone is configured for some region or as the default
     * @param relayDevices the relay phones that have a secret (the only ones that can poll)
     */
    public record Available(boolean relayRouted, Set<String> relayDevices) {
        public Available {
            relayDevices = Set.copyOf(relayDevices);
        }

        public static Available twilioOnly() {
            return new Available(false, Set.of());
        }
    }
}
