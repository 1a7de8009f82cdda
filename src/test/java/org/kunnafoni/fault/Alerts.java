package org.kunnafoni.fault;

import java.util.List;

/** Alert texts of a few incidents in different regions, so the load opens and joins several leads. */
final class Alerts {
    private static final List<String> TEXTS = List.of(
            "des hommes armes ont enleve deux enfants pres de Gao",
            "une ecole a ete brulee a Mopti ce matin",
            "des enfants recrutes par un groupe arme a Kidal",
            "un enfant blesse par une mine pres de Menaka",
            "ka denmisenw minɛ Segou");

    private Alerts() {
    }

    static String text(int thread, int n) {
        return TEXTS.get((thread + n) % TEXTS.size()) + " " + n;
    }

    /**
     * A new reporter every ten alerts of a thread: a crowd of people, as in a real spike, and below the per-sender
     * flood limit (whose flagged alerts do not become leads), so every acknowledged alert must reach a lead.
     */
    static String phone(int thread, int n) {
        return String.format("+22376%06d", thread * 100_000 + n / 10);
    }
}
