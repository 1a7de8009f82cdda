package org.kunnafoni.triage.extract;

/** What a matched phrase tells the extractor; one section of a cue file each. */
enum CueKind {
    NUMBER, SEVERAL, FILLER, CHILD, COUNTED_CHILD, SEX, CASUALTY,
    AGE_UNIT, AGE_PREFIX, AGE_BLOCKER, AGE_JOINER,
    ACTOR, TIME, AGO_BEFORE, AGO_AFTER, DURATION,
    WEAPON, EXPLOSIVE, MEDICAL, ONGOING, DEPARTED, NEGATOR, IGNORE;

    /** Kinds a preceding negator ("pas de", "no", "aucun") cancels. */
    boolean negatable() {
        return switch (this) {
            case CHILD, COUNTED_CHILD, CASUALTY, ACTOR, WEAPON, EXPLOSIVE, MEDICAL, ONGOING -> true;
            default -> false;
        };
    }
}
