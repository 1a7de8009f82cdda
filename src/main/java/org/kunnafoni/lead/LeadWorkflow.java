package org.kunnafoni.lead;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The review workflow as a table: which moves exist and who may make them. Monitors move a lead into review,
 * put it back, and decide it; reopening a decided lead needs a supervisor because it undoes a decision others
 * may have acted on (a referral sent, a verification reported). {@code merged} is reached only by merging.
 */
public final class LeadWorkflow {
    private static final Set<LeadStatus> DECIDED = Set.of(LeadStatus.VERIFIED, LeadStatus.UNVERIFIED,
            LeadStatus.DISMISSED, LeadStatus.REFERRED);

    private LeadWorkflow() {
    }

    /** The answer to a requested move. */
    public sealed interface Move {
        record Allowed() implements Move {
        }

        /** The move exists but needs a supervisor (403). */
        record NeedsSupervisor() implements Move {
        }

        /** No such move from this status (409). */
        record Illegal(String reason) implements Move {
        }
    }

    public static Move decide(LeadStatus from, LeadStatus to, boolean supervisor) {
        if (from == LeadStatus.NEW && to == LeadStatus.IN_REVIEW
                || from == LeadStatus.IN_REVIEW && (to == LeadStatus.NEW || DECIDED.contains(to))) {
            return new Move.Allowed();
        }
        if (DECIDED.contains(from) && to == LeadStatus.IN_REVIEW) {
            return supervisor ? new Move.Allowed() : new Move.NeedsSupervisor();
        }
        return new Move.Illegal("a lead cannot move from " + from.id() + " to " + to.id());
    }

    /** The statuses this user may move the lead to now, for the detail view's buttons. */
    public static List<LeadStatus> allowed(LeadStatus from, boolean supervisor) {
        return Arrays.stream(LeadStatus.values())
                .filter(to -> decide(from, to, supervisor) instanceof Move.Allowed).toList();
    }

    /** Leads a monitor has not closed: merging and splitting only make sense while the incident is still open. */
    public static boolean editable(LeadStatus status) {
        return status.open();
    }
}
