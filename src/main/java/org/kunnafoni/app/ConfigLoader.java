package org.kunnafoni.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads config/gateway.yaml (the file beside the working directory, else the copy shipped in the jar), applies
 * {@code KUNNAFONI_<PATH>} environment overrides and validates the result, reporting every error at once.
 */
public final class ConfigLoader {
    static final String ENV_PREFIX = "KUNNAFONI_";
    /** Settings that must come from the environment; finding them in a file is an error. */
    static final List<String> SECRET_PATHS = List.of("twilio.auth-token", "data-key", "relay.secrets", "admin-password",
            "review.on-call");
    /** Variables read elsewhere (not configuration paths), so not reported as unknown. */
    static final List<String> OTHER_VARIABLES = List.of();

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ConfigLoader() {
    }

    public static GatewayConfig load(Path file, Map<String, String> env) {
        List<String> errors = new ArrayList<>();
        ObjectNode tree = readTree(file, errors);
        for (String secret : SECRET_PATHS) {
            JsonNode inFile = at(tree, secret);
            if (inFile != null && !inFile.asText("").isBlank()) {
                errors.add(secret + ": secrets are read from the environment only; remove it from "
                        + describe(file) + " and set " + envName(secret));
            }
        }
        List<String> paths = new ArrayList<>();
        collectLeafPaths(tree, "", paths);
        paths.addAll(SECRET_PATHS);
        for (String path : paths) {
            String value = env.get(envName(path));
            if (value != null) {
                put(tree, path, value);
            }
        }
        warnAboutUnknownVariables(env, paths);
        return new ConfigBinder(tree, errors).bind();
    }

    /** {@code http.body-limit} → {@code KUNNAFONI_HTTP_BODY_LIMIT}. */
    public static String envName(String path) {
        return ENV_PREFIX + path.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static ObjectNode readTree(Path file, List<String> errors) {
        try (InputStream in = file != null && Files.exists(file) ? Files.newInputStream(file)
                : ConfigLoader.class.getResourceAsStream("/config/gateway.yaml")) {
            if (in == null) {
                errors.add("no configuration file: " + file + " does not exist and none is shipped in the jar");
                return YAML.createObjectNode();
            }
            JsonNode node = YAML.readTree(in);
            if (node instanceof ObjectNode object) {
                return object;
            }
            errors.add(describe(file) + ": the top level must be a mapping of options");
        } catch (IOException e) {
            errors.add(describe(file) + ": cannot be read as YAML: " + e.getMessage().lines().findFirst().orElse(""));
        }
        return YAML.createObjectNode();
    }

    private static String describe(Path file) {
        return file != null && Files.exists(file) ? file.toString() : "the shipped config/gateway.yaml";
    }

    private static void collectLeafPaths(JsonNode node, String prefix, List<String> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (field.getValue().isObject()) {
                collectLeafPaths(field.getValue(), path, out);
            } else {
                out.add(path);
            }
        }
    }

    static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String part : path.split("\\.")) {
            node = node == null ? null : node.get(part);
        }
        return node;
    }

    private static void put(ObjectNode root, String path, String value) {
        String[] parts = path.split("\\.");
        ObjectNode node = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = node.get(parts[i]);
            node = child instanceof ObjectNode object ? object : node.putObject(parts[i]);
        }
        node.set(parts[parts.length - 1], TextNode.valueOf(value));
    }

    private static void warnAboutUnknownVariables(Map<String, String> env, List<String> paths) {
        List<String> known = new ArrayList<>(OTHER_VARIABLES);
        paths.forEach(p -> known.add(envName(p)));
        env.keySet().stream()
                .filter(name -> name.startsWith(ENV_PREFIX) && !known.contains(name))
                .sorted()
                .forEach(name -> org.slf4j.LoggerFactory.getLogger(ConfigLoader.class)
                        .warn("ignoring unknown environment variable {}", name));
    }
}
