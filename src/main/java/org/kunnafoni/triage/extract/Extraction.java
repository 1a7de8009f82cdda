package org.kunnafoni.triage.extract;

import java.util.List;

/**
 * Facts read from one message.
 *
 * @param children    number of children stated (digits or words), null when the text gives none
 * @param several     the text says "several / many children", or a stated count is two or more
 * @param ages        stated ages under 18, in text order
 * @param reasons     the matched terms behind each fact, e.g. {@code time:yesterday:hier}, {@code negated:blesses}
 */
public record Extraction(Integer children, boolean several, List<Integer> ages, Sex sex, Actor actor, TimeCue time,
                         boolean weapons, boolean explosives, boolean medicalNeed, boolean ongoing,
                         List<String> reasons) {

    public static final Extraction NONE = new Extraction(null, false, List.of(), Sex.UNKNOWN, Actor.UNKNOWN,
            TimeCue.UNKNOWN, false, false, false, false, List.of());

    public Extraction {
        ages = List.copyOf(ages);
        reasons = List.copyOf(reasons);
    }

    /** Without the several signal: it then follows from the count alone. */
    public Extraction(Integer children, List<Integer> ages, Sex sex, Actor actor, TimeCue time, boolean weapons,
                      boolean explosives, boolean medicalNeed, boolean ongoing, List<String> reasons) {
        this(children, children != null && children >= 2, ages, sex, actor, time, weapons, explosives,
                medicalNeed, ongoing, reasons);
    }

    /** Two or more children concerned, whether counted or only said to be several. */
    public boolean multipleChildren() {
        return several || children != null && children >= 2;
    }
}
