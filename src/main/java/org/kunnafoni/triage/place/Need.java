package org.kunnafoni.triage.place;

/** What a written form needs before it is read as a place. */
enum Need {
    /** A clear name: accepted as soon as it appears. */
    NONE,
    /** Also an ordinary word or a person's name: accepted with any evidence, weak cues included. */
    EVIDENCE,
    /** An ordinary word right after the weak cues too ("de dire", "a san"): strong evidence only. */
    STRONG_EVIDENCE
}
