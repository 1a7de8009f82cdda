package org.kunnafoni.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.kunnafoni.web.leads.ApiContract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The published {@code openapi.yaml} as a tree, read the way a client author reads it. */
record OpenApiDocument(JsonNode root) {
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    /** One operation: its method (upper case), its path as written in the spec, and the nodes around it. */
    record Operation(String method, String path, JsonNode node, JsonNode pathItem) {
        @Override
        public String toString() {
            return method + " " + path;
        }

        /**
         * The role the summary names, as the spec writes it: "(supervisor, admin)" or "(admin)"; empty for an
         * operation open to every signed-in user (or to everyone).
         */
        Optional<String> role() {
            String summary = node.path("summary").asText("");
            if (summary.contains("(supervisor, admin)")) {
                return Optional.of("supervisor");
            }
            return summary.contains("(admin)") ? Optional.of("admin") : Optional.empty();
        }

        /** False when the operation overrides the document's security with an empty list (public). */
        boolean secured() {
            JsonNode security = node.get("security");
            return security == null || !security.isArray() || !security.isEmpty();
        }
    }

    static OpenApiDocument load() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(ApiContract.RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing " + ApiContract.RESOURCE);
            }
            return new OpenApiDocument(new ObjectMapper(new YAMLFactory()).readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server URL the paths are relative to ({@code /api}). */
    String base() {
        return root.path("servers").path(0).path("url").asText("");
    }

    List<Operation> operations() {
        List<Operation> out = new ArrayList<>();
        root.path("paths").properties().forEach(path -> path.getValue().properties().forEach(entry -> {
            if (METHODS.contains(entry.getKey())) {
                out.add(new Operation(entry.getKey().toUpperCase(Locale.ROOT), path.getKey(), entry.getValue(),
                        path.getValue()));
            }
        }));
        return out;
    }

    /** Follows a local {@code $ref} (JSON pointer in this document); a node without one is answered as is. */
    JsonNode resolve(JsonNode node) {
        JsonNode ref = node.get("$ref");
        if (ref == null || !ref.isTextual() || !ref.asText().startsWith("#/")) {
            return node;
        }
        return root.at(ref.asText().substring(1));
    }
}
