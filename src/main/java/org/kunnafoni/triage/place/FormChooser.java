package org.kunnafoni.triage.place;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Decides which candidates are places and, when a key names several places, which one is meant. */
final class FormChooser {
    private static final double VARIANT = 0.95;
    private static final double ONE_TYPO = 0.85;
    private static final double TWO_TYPOS = 0.7;
    private static final double AMBIGUOUS_STRONG = 0.9;
    private static final double AMBIGUOUS_WEAK = 0.75;
    private static final int SHORT_NAME = 6;

    private final FoldedText text;
    private final Evidence evidence;

    FormChooser(FoldedText text, Evidence evidence) {
        this.text = text;
        this.evidence = evidence;
    }

    /** Candidates with clear names; a typo in a short name also needs a cue or a capital. */
    List<Found> clear(List<Candidate> candidates) {
        List<Found> out = new ArrayList<>();
        for (Candidate c : candidates) {
            List<PlaceForm> forms = c.forms().stream().filter(f -> f.need() == Need.NONE).toList();
            if (forms.isEmpty()) {
                continue;
            }
            PlaceForm form = pick(forms, c, supportingRegions(c, candidates));
            boolean shortTypo = c.typos() > 0 && form.key().length() <= SHORT_NAME;
            if (shortTypo && !(evidence.strong(form, c.from(), c.to()) || evidence.weak(c.from(), c.to()))) {
                continue;
            }
            out.add(found(c, form, score(form, c.typos())));
        }
        return out;
    }

    /** Candidates whose names are also ordinary words, accepted on evidence; never through a typo. */
    List<Found> ambiguous(List<Candidate> candidates, List<Found> clear) {
        List<Found> out = new ArrayList<>();
        for (Candidate c : candidates) {
            if (c.typos() > 0 || clear.stream().anyMatch(f -> c.overlaps(f.from(), f.to()))) {
                continue;
            }
            Set<String> nearby = nearbyRegions(c, clear);
            List<PlaceForm> strong = new ArrayList<>();
            List<PlaceForm> accepted = new ArrayList<>();
            for (PlaceForm form : c.forms()) {
                if (form.need() == Need.NONE) {
                    continue;
                }
                boolean isStrong = nearby.contains(form.place().region()) || evidence.strong(form, c.from(), c.to());
                if (isStrong) {
                    strong.add(form);
                }
                if (isStrong || (form.need() == Need.EVIDENCE && evidence.weak(c.from(), c.to()))) {
                    accepted.add(form);
                }
            }
            if (!accepted.isEmpty()) {
                PlaceForm form = pick(accepted, c, nearby);
                double factor = strong.contains(form) ? AMBIGUOUS_STRONG : AMBIGUOUS_WEAK;
                out.add(found(c, form, score(form, 0) * factor));
            }
        }
        return out;
    }

    // The kind named before the word first ("région de Mopti"), then a region the text supports, then the
    // most specific place, then the name over a variant, then file order.
    private PlaceForm pick(List<PlaceForm> forms, Candidate c, Set<String> supported) {
        Optional<Kind> named = Kind.of(evidence.kindNamedBefore(c.from()));
        Comparator<PlaceForm> order = Comparator
                .comparing((PlaceForm f) -> named.map(k -> !k.id().equals(f.place().kind())).orElse(false))
                .thenComparing(f -> !supported.contains(f.place().region()))
                .thenComparing(Comparator.comparingInt((PlaceForm f) -> Kind.specificity(f.place().kind())).reversed())
                .thenComparing(f -> !f.canonical());
        return forms.stream().min(order).orElseThrow();
    }

    private static Set<String> supportingRegions(Candidate c, List<Candidate> all) {
        Set<String> out = new HashSet<>();
        for (Candidate other : all) {
            Set<String> regions = PlaceMatcher.regions(other.forms());
            boolean clearName = other.forms().stream().allMatch(f -> f.need() == Need.NONE);
            if (other != c && clearName && regions.size() == 1 && !c.overlaps(other.from(), other.to())) {
                out.addAll(regions);
            }
        }
        return out;
    }

    private static Set<String> nearbyRegions(Candidate c, List<Found> clear) {
        Set<String> out = new HashSet<>();
        clear.stream().filter(f -> c.distanceTo(f.from(), f.to()) <= PlaceMatcher.CONTEXT_WORDS)
                .forEach(f -> out.add(f.match().region()));
        return out;
    }

    private static double score(PlaceForm form, int typos) {
        double base = typos == 0 ? (form.canonical() ? 1.0 : VARIANT) : typos == 1 ? ONE_TYPO : TWO_TYPOS;
        return base;
    }

    private Found found(Candidate c, PlaceForm form, double score) {
        int start = text.token(c.from()).start();
        int end = text.token(c.to() - 1).end();
        Place place = form.place();
        PlaceMatch match = new PlaceMatch(place.name(), place.region(), place.kind(),
                text.original().substring(start, end), start, end, Math.round(score * 100) / 100.0, c.typos() > 0);
        return new Found(match, c.from(), c.to(), evidence.anyCue(c.from(), c.to()));
    }
}
