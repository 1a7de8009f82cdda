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

    static String phone(int thread) {
        return "+2237600" + (1000 + thread);
    }
}
