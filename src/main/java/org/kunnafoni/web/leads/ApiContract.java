package org.kunnafoni.web.leads;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import org.kunnafoni.web.Api;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;

/**
 * The published contract ({@code webroot/api/openapi.yaml}) and request validation against it. The file names no
 * operation ids, so each operation is given {@code <method>_<path>} here rather than in the shared file. Routes
 * validate after authentication, so an anonymous or under-privileged caller learns nothing from a 400.
 */
public final class ApiContract {
    public static final String RESOURCE = "/webroot/api/openapi.yaml";

    private final byte[] yaml;
    private final OpenAPIContract contract;
    private final RequestValidator validator;

    private ApiContract(byte[] yaml, OpenAPIContract contract, RequestValidator validator) {
        this.yaml = yaml;
        this.contract = contract;
        this.validator = validator;
    }

    public static Future<ApiContract> load(Vertx vertx) {
        byte[] yaml;
        JsonObject tree;
        try (InputStream in = ApiContract.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return Future.failedFuture("missing " + RESOURCE);
            }
            yaml = in.readAllBytes();
            tree = new JsonObject(new ObjectMapper(new YAMLFactory()).readValue(yaml, Map.class));
        } catch (IOException e) {
            return Future.failedFuture(e);
        }
        nameOperations(tree);
        // the file's server URL is relative (valid OpenAPI); the validator wants an absolute one for the base path
        tree.put("servers", new io.vertx.core.json.JsonArray().add(new JsonObject().put("url", "http://localhost/api")));
        return OpenAPIContract.from(vertx, tree)
                .map(contract -> new ApiContract(yaml, contract, RequestValidator.create(vertx, contract)));
    }

    private static void nameOperations(JsonObject tree) {
        JsonObject paths = tree.getJsonObject("paths");
        for (String path : paths.fieldNames()) {
            JsonObject item = paths.getJsonObject(path);
            for (String method : item.fieldNames()) {
                if (item.getValue(method) instanceof JsonObject operation && !"parameters".equals(method)) {
                    operation.put("operationId", operationId(HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)),
                            path));
                }
            }
        }
    }

    static String operationId(HttpMethod method, String path) {
        return method.name().toLowerCase(Locale.ROOT) + path.replaceAll("[^A-Za-z0-9]+", "_");
    }

    public byte[] yaml() {
        return yaml.clone();
    }

    /** Answers 400 {@code {"error": …}} naming the problem, or passes the request on. */
    public Handler<RoutingContext> validate(HttpMethod method, String path) {
        String id = operationId(method, path);
        if (contract.operation(id) == null) {
            throw new IllegalArgumentException("no operation " + method + " " + path + " in " + RESOURCE);
        }
        return ctx -> extracted(ctx, id)
                .compose(request -> validator.validate(request, id))
                .onSuccess(valid -> ctx.next())
                .onFailure(error -> Api.error(ctx, 400, message(error)));
    }

    /** The validator's reader throws (rather than fails) on a parameter it cannot URL-decode, e.g. a lone '%'. */
    private Future<io.vertx.openapi.validation.ValidatableRequest> extracted(RoutingContext ctx, String id) {
        try {
            return RequestUtils.extract(ctx.request(), contract.operation(id),
                    () -> Future.succeededFuture(ctx.body() == null || ctx.body().buffer() == null
                            ? Buffer.buffer() : ctx.body().buffer()));
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
    }

    private static String message(Throwable error) {
        String text = error.getMessage() == null ? "invalid request" : error.getMessage();
        return text.length() > 300 ? text.substring(0, 300) : text;
    }
}
