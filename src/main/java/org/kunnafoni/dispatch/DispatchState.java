package org.kunnafoni.dispatch;

import java.util.Locale;
import java.util.Optional;

/**
 * Where one dispatch stands. The rank orders states for the forward-only rule: waiting states share rank 0
 * (the pipeline moves between them freely), a send in progress is 1, then what the provider reports, and every
 * final state shares the top rank so the first final answer wins.
 */
public enum DispatchState {
    PLANNED(0), HELD(0), DEFERRED(0), RETRYING(0),
    SENDING(1),
    ACCEPTED(2),
    SENT(3),
    DELIVERED(4), UNDELIVERED(4), FAILED(4), SKIPPED_OPTED_OUT(4), CANCELED(4),
    /** Its campaign's validity ended before it could leave (quiet hours, back-off, a long backlog). */
    EXPIRED(4);

    private final int rank;

    DispatchState(int rank) {
        this.rank = rank;
    }

    public int rank() {
        return rank;
    }

    /** Not yet handed to a provider: the pipeline may (re)try it. */
    public boolean waiting() {
        return rank == 0;
    }

    public boolean isFinal() {
        return rank == FAILED.rank;
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DispatchState> fromId(String id) {
        for (DispatchState state : values()) {
            if (state.id().equals(id)) {
                return Optional.of(state);
            }
        }
        return Optional.empty();
    }
}
