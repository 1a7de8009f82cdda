package org.kunnafoni.triage.place;

/** A word of the text: folded form, the original as written, and its offsets in the original. */
record Token(String folded, String original, int start, int end) {

    /** "Boni" but not "boni", "BONI" or "C4": a capital that marks a proper noun, not shouting or a code. */
    boolean capitalised() {
        return Character.isUpperCase(original.codePointAt(0))
                && original.codePoints().skip(1).anyMatch(Character::isLowerCase);
    }
}
