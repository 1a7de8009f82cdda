package org.kunnafoni.web;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Vertx;
import org.junit.jupiter.api.Test;
import org.kunnafoni.web.leads.ApiContract;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * openapi.yaml is a well-formed OpenAPI 3 document a client can rely on: every operation answers something, every
 * reference and path parameter resolves, and the 401/403 a route can answer are listed. The full check against the
 * OpenAPI 3.1 schema is the one the gateway itself makes when it loads the contract (vertx-openapi).
 */
class OpenApiDocumentTest {
    private static final Pattern STATUS = Pattern.compile("[1-5](\\d\\d|XX)|default");
    private static final Pattern TEMPLATE = Pattern.compile("\\{([^}/]+)}");
    private static final Set<String> PATH_ITEM_KEYS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace", "parameters", "summary", "description", "servers", "$ref");

    private final OpenApiDocument doc = OpenApiDocument.load();

    @Test
    void hasTheTopLevelFieldsOfAnOpenApi3Document() {
        JsonNode root = doc.root();
        assertThat(root.path("openapi").asText()).matches("3\\.\\d+\\.\\d+");
        assertThat(root.path("info").path("title").asText()).isNotBlank();
        assertThat(root.path("info").path("version").isTextual()).as("info.version is a string").isTrue();
        assertThat(root.path("paths").isObject()).isTrue();
        assertThat(doc.base()).isEqualTo("/api");
        List<String> problems = new ArrayList<>();
        root.path("paths").properties().forEach(path -> {
            if (!path.getKey().startsWith("/")) {
                problems.add(path.getKey() + ": a path starts with /");
            }
            path.getValue().fieldNames().forEachRemaining(key -> {
                if (!PATH_ITEM_KEYS.contains(key) && !key.startsWith("x-")) {
                    problems.add(path.getKey() + ": unknown key " + key);
                }
            });
        });
        assertThat(problems).isEmpty();
        assertThat(doc.operations()).isNotEmpty();
    }

    @Test
    void everyOperationListsItsResponsesWithADescription() {
        List<String> problems = new ArrayList<>();
        for (OpenApiDocument.Operation op : doc.operations()) {
            JsonNode responses = op.node().path("responses");
            if (!responses.isObject() || responses.isEmpty()) {
                problems.add(op + ": no responses");
                continue;
            }
            responses.properties().forEach(r -> {
                if (!STATUS.matcher(r.getKey()).matches()) {
                    problems.add(op + ": " + r.getKey() + " is not a status code");
                }
                if (!doc.resolve(r.getValue()).path("description").isTextual()) {
                    problems.add(op + " " + r.getKey() + ": no description");
                }
            });
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void everyReferenceResolves() {
        List<String> broken = new ArrayList<>();
        collectRefs(doc.root(), broken);
        assertThat(broken).as("$ref with no target").isEmpty();
    }

    private void collectRefs(JsonNode node, List<String> broken) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && (!ref.asText().startsWith("#/") || doc.resolve(node).isMissingNode())) {
                broken.add(ref.asText());
            }
            node.elements().forEachRemaining(child -> collectRefs(child, broken));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectRefs(child, broken));
        }
    }

    /**
     * A YAML flow mapping splits an unquoted text at its commas ({@code {description: a, b}} gives a key "b" with
     * no value), which a schema validator accepts inside schemas; no field here is meant to be empty.
     */
    @Test
    void noFieldIsLeftWithoutAValue() {
        List<String> empty = new ArrayList<>();
        collectNulls(doc.root(), "", empty);
        assertThat(empty).as("fields without a value (an unquoted comma?)").isEmpty();
    }

    private static void collectNulls(JsonNode node, String at, List<String> empty) {
        if (node.isObject()) {
            node.properties().forEach(field -> {
                if (field.getValue().isNull()) {
                    empty.add(at + "/" + field.getKey());
                }
                collectNulls(field.getValue(), at + "/" + field.getKey(), empty);
            });
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectNulls(child, at + "[]", empty));
        }
    }

    @Test
    void pathTemplatesAndPathParametersMatch() {
        List<String> problems = new ArrayList<>();
        for (OpenApiDocument.Operation op : doc.operations()) {
            Set<String> templated = new TreeSet<>();
            Matcher m = TEMPLATE.matcher(op.path());
            while (m.find()) {
                templated.add(m.group(1));
            }
            Set<String> declared = new TreeSet<>();
            List<JsonNode> parameters = new ArrayList<>();
            op.pathItem().path("parameters").forEach(parameters::add);
            op.node().path("parameters").forEach(parameters::add);
            for (JsonNode p : parameters) {
                JsonNode parameter = doc.resolve(p);
                if ("path".equals(parameter.path("in").asText())) {
                    declared.add(parameter.path("name").asText());
                    if (!parameter.path("required").asBoolean(false)) {
                        problems.add(op + ": path parameter " + parameter.path("name").asText() + " must be required");
                    }
                }
                if (!parameter.path("schema").isObject()) {
                    problems.add(op + ": parameter " + parameter.path("name").asText() + " has no schema");
                }
            }
            if (!templated.equals(declared)) {
                problems.add(op + ": path names " + templated + ", parameters declare " + declared);
            }
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void securedOperationsListTheirAuthenticationAndRoleRefusals() {
        Set<String> schemes = new TreeSet<>();
        doc.root().path("components").path("securitySchemes").fieldNames().forEachRemaining(schemes::add);
        List<String> problems = new ArrayList<>();
        doc.root().path("security").forEach(requirement -> requirement.fieldNames().forEachRemaining(name -> {
            if (!schemes.contains(name)) {
                problems.add("security names the unknown scheme " + name);
            }
        }));
        for (OpenApiDocument.Operation op : doc.operations()) {
            JsonNode responses = op.node().path("responses");
            if (op.secured() && !responses.has("401")) {
                problems.add(op + ": needs a session but lists no 401");
            }
            if (op.role().isPresent() && !responses.has("403")) {
                problems.add(op + ": needs the " + op.role().get() + " role but lists no 403");
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The same load the gateway makes at start: vertx-openapi validates the document against the 3.1 schema. */
    @Test
    void theGatewaysOwnContractLoaderAcceptsTheDocument() throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            ApiContract contract = ApiContract.load(vertx).await(30, TimeUnit.SECONDS);
            assertThat(contract.yaml()).isNotEmpty();
        } finally {
            vertx.close().await(10, TimeUnit.SECONDS);
        }
    }
}
