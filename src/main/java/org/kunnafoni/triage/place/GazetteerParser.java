package org.kunnafoni.triage.place;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.kunnafoni.triage.TextNormalizer;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks gazetteer YAML, collecting every error so that a bad file is fixed in one go. */
final class GazetteerParser {
    private static final Pattern SLUG = Pattern.compile("[a-z][a-z0-9_]*");
    private static final Set<String> REGION_KEYS = Set.of("slug", "name", "variants");
    private static final Set<String> PLACE_KEYS =
            Set.of("name", "region", "kind", "cercle", "variants", "ambiguous", "ambiguous_variants");
    private static final Set<String> ROOT_KEYS = Set.of("regions", "places", "cues", "common_words");

    private final List<String> errors = new ArrayList<>();
    private final Map<String, Place> regionPlaces = new LinkedHashMap<>();
    private final List<Place> places = new ArrayList<>();
    private final List<PlaceForm> forms = new ArrayList<>();

    Gazetteer parse(InputStream yaml) {
        JsonNode root = read(yaml);
        if (!root.isObject()) {
            throw new IllegalArgumentException("gazetteer: the file must be a mapping with regions and places");
        }
        root.fieldNames().forEachRemaining(k -> check(ROOT_KEYS.contains(k), "unknown top-level key '" + k + "'"));
        each(list(root, "regions", "regions"), this::region);
        check(!regionPlaces.isEmpty(), "no regions declared");
        List<JsonNode> placeNodes = list(root, "places", "places");
        each(placeNodes, this::place);
        checkCercles(placeNodes);
        Cues cues = cues(root.path("cues"));
        Set<String> common = commonWords(root.path("common_words"));
        if (!errors.isEmpty()) {
            throw new IllegalArgumentException("gazetteer has " + errors.size() + " error(s):\n  - "
                    + String.join("\n  - ", errors));
        }
        return new Gazetteer(List.copyOf(regionPlaces.keySet()), places, forms, cues, common);
    }

    private static JsonNode read(InputStream yaml) {
        try {
            JsonNode node = new ObjectMapper(new YAMLFactory()).readTree(yaml);
            if (node == null) {
                throw new IllegalArgumentException("gazetteer: empty file");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("gazetteer: not valid YAML: " + e.getMessage(), e);
        }
    }

    private void region(JsonNode node, int index) {
        String where = "regions[" + index + "]";
        unknownKeys(node, REGION_KEYS, where);
        String slug = node.path("slug").asText("");
        String name = text(node, "name", where);
        if (!SLUG.matcher(slug).matches()) {
            errors.add(where + ": slug '" + slug + "' must be lower-case letters, digits or _");
            return;
        }
        check(!regionPlaces.containsKey(slug), where + ": duplicate region slug '" + slug + "'");
        Place place = new Place(name, slug, Kind.REGION.id(), strings(node, "variants", where), false);
        regionPlaces.put(slug, place);
        addPlace(place, List.of(), Need.NONE);
    }

    private void place(JsonNode node, int index) {
        String name = node.path("name").asText("");
        String where = "places[" + index + "]" + (name.isBlank() ? "" : " '" + name + "'");
        unknownKeys(node, PLACE_KEYS, where);
        text(node, "name", where);
        String region = node.path("region").asText("");
        check(regionPlaces.containsKey(region), where + ": unknown region slug '" + region + "'");
        String kind = node.path("kind").asText("");
        check(Kind.of(kind).filter(k -> k != Kind.REGION).isPresent(),
                where + ": kind '" + kind + "' must be one of cercle, commune, town, village, neighbourhood");
        Need need = need(node.path("ambiguous"), where);
        List<String> variants = strings(node, "variants", where);
        List<String> weakVariants = strings(node, "ambiguous_variants", where);
        if (name.isBlank()) {
            return;
        }
        List<String> all = new ArrayList<>(variants);
        all.addAll(weakVariants);
        addPlace(new Place(name, region, kind, all, need != Need.NONE), weakVariants, need);
    }

    private void addPlace(Place place, List<String> weakVariants, Need need) {
        places.add(place);
        forms.add(PlaceForm.of(place, place.name(), true, need));
        for (String variant : place.variants()) {
            Need variantNeed = weakVariants.contains(variant) && need == Need.NONE ? Need.EVIDENCE : need;
            forms.add(PlaceForm.of(place, variant, false, variantNeed));
        }
        forms.stream().filter(f -> f.place() == place && f.key().isEmpty())
                .forEach(f -> errors.add("'" + f.form() + "' of " + place.name() + " has no letters"));
    }

    private Need need(JsonNode node, String where) {
        if (node.isMissingNode() || node.isNull() || (node.isBoolean() && !node.booleanValue())) {
            return Need.NONE;
        }
        if (node.isBoolean()) {
            return Need.EVIDENCE;
        }
        if ("strict".equals(node.asText())) {
            return Need.STRONG_EVIDENCE;
        }
        errors.add(where + ": ambiguous must be true, false or strict, not '" + node.asText() + "'");
        return Need.NONE;
    }

    // A commune's cercle must be a cercle of the same region: this is what maps communes to regions.
    private void checkCercles(List<JsonNode> nodes) {
        Set<String> cercles = new HashSet<>();
        places.stream().filter(p -> p.kind().equals(Kind.CERCLE.id()))
                .forEach(p -> cercles.add(p.region() + "/" + TextNormalizer.fold(p.name())));
        for (JsonNode node : nodes) {
            String cercle = node.path("cercle").asText("");
            if (!cercle.isEmpty() && !cercles.contains(node.path("region").asText() + "/" + TextNormalizer.fold(cercle))) {
                errors.add("'" + node.path("name").asText() + "': cercle '" + cercle + "' is not a cercle of region '"
                        + node.path("region").asText() + "'");
            }
        }
    }

    private Cues cues(JsonNode node) {
        if (node.isMissingNode()) {
            return Cues.NONE;
        }
        return new Cues(phrases(node, "strong_before"), phrases(node, "weak_before"), phrases(node, "weak_after"));
    }

    private List<List<String>> phrases(JsonNode node, String field) {
        List<List<String>> out = new ArrayList<>();
        for (String phrase : strings(node, field, "cues")) {
            List<String> words = List.of(phrase.toLowerCase(java.util.Locale.ROOT).trim().split("\\s+"));
            out.add(words);
        }
        return out;
    }

    private Set<String> commonWords(JsonNode node) {
        Set<String> out = new LinkedHashSet<>();
        if (!node.isMissingNode()) {
            strings(node.isArray() ? wrap(node) : node, "words", "common_words")
                    .forEach(w -> out.add(TextNormalizer.fold(w)));
        }
        return out;
    }

    private static JsonNode wrap(JsonNode array) {
        return new ObjectMapper().createObjectNode().set("words", array);
    }

    private List<JsonNode> list(JsonNode root, String field, String where) {
        JsonNode node = root.path(field);
        if (!node.isArray()) {
            errors.add(where + ": '" + field + "' must be a list");
            return List.of();
        }
        List<JsonNode> out = new ArrayList<>();
        node.forEach(out::add);
        return out;
    }

    private List<String> strings(JsonNode node, String field, String where) {
        JsonNode list = node.path(field);
        if (list.isMissingNode() || list.isNull()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        if (!list.isArray()) {
            errors.add(where + ": '" + field + "' must be a list");
            return out;
        }
        for (JsonNode item : list) {
            if (!item.isValueNode() || item.asText().isBlank()) {
                errors.add(where + ": empty or non-text entry in '" + field + "'");
            } else {
                out.add(item.asText().trim());
            }
        }
        return out;
    }

    private String text(JsonNode node, String field, String where) {
        String value = node.path(field).asText("").trim();
        check(!value.isEmpty() && node.path(field).isValueNode(), where + ": empty " + field);
        return value;
    }

    private void unknownKeys(JsonNode node, Set<String> allowed, String where) {
        if (!node.isObject()) {
            errors.add(where + ": must be a mapping");
            return;
        }
        node.fieldNames().forEachRemaining(k -> check(allowed.contains(k), where + ": unknown key '" + k + "'"));
    }

    private void check(boolean ok, String error) {
        if (!ok) {
            errors.add(error);
        }
    }

    private static void each(List<JsonNode> nodes, java.util.function.ObjIntConsumer<JsonNode> action) {
        for (int i = 0; i < nodes.size(); i++) {
            action.accept(nodes.get(i), i);
        }
    }
}
