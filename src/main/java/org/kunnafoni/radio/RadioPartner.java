package org.kunnafoni.radio;

import org.kunnafoni.triage.Language;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A community radio station. Contact numbers are kept only encrypted, with their pseudonyms (to recognise an
 * SMS from the station); the API token only as its SHA-256 hash, so a stolen database does not open the API.
 */
public record RadioPartner(String id, String station, List<String> regions, List<Language> languages,
                           List<BroadcastSlot> slots, List<String> encryptedNumbers, List<String> numberPseudonyms,
                           String tokenHash, boolean revoked, Instant createdAt) {
    public RadioPartner {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(station, "station");
        Objects.requireNonNull(tokenHash, "tokenHash");
        Objects.requireNonNull(createdAt, "createdAt");
        regions = List.copyOf(regions);
        languages = List.copyOf(languages);
        slots = List.copyOf(slots);
        encryptedNumbers = List.copyOf(encryptedNumbers);
        numberPseudonyms = List.copyOf(numberPseudonyms);
    }

    public RadioPartner revoke() {
        return new RadioPartner(id, station, regions, languages, slots, encryptedNumbers, numberPseudonyms, tokenHash,
                true, createdAt);
    }

    /** Same partner with new details; id, token and creation time are kept. */
    public RadioPartner withDetails(PartnerDetails d, List<String> encrypted, List<String> pseudonyms) {
        return new RadioPartner(id, d.station(), d.regions(), d.languages(), d.slots(), encrypted, pseudonyms,
                tokenHash, revoked, createdAt);
    }
}
