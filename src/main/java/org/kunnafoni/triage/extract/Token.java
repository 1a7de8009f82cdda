package org.kunnafoni.triage.extract;

/** A word of the folded text and the clause (between punctuation marks) it stands in. */
record Token(String text, int clause) {
}
