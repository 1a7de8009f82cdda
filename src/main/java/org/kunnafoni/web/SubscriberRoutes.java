package org.kunnafoni.web;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import org.kunnafoni.audience.Registration;
import org.kunnafoni.audience.Subscriber;
import org.kunnafoni.audience.SubscriberRegistration;
import org.kunnafoni.audience.SubscriberRepository;
import org.kunnafoni.triage.Language;
import org.kunnafoni.web.auth.AuthHandler;
import org.kunnafoni.web.auth.Role;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Awareness subscribers for supervisors and admins: {@code POST /api/subscribers} (one), {@code GET /api/subscribers}
 * (a page, never a phone number) and {@code POST /api/subscribers/import} (CSV with a header
 * {@code phone,region,language}; per-row results).
 */
public final class SubscriberRoutes implements ApiModule {
    static final int MAX_IMPORT_ROWS = 20_000;
    static final int IMPORT_BODY_LIMIT = 2 * 1024 * 1024;
    private static final CsvMapper CSV = new CsvMapper();

    private final SubscriberRegistration registration;
    private final SubscriberRepository repository;
    private final AuthHandler authenticated;

    public SubscriberRoutes(SubscriberRegistration registration, SubscriberRepository repository,
                            AuthHandler authenticated) {
        this.registration = registration;
        this.repository = repository;
        this.authenticated = authenticated;
    }

    @Override
    public void mountBodyHandlers(Router api) {
        api.post("/subscribers/import").handler(BodyHandler.create(false).setBodyLimit(IMPORT_BODY_LIMIT));
    }

    @Override
    public void mount(Router api) {
        api.route("/subscribers*").handler(authenticated).handler(AuthHandler.require(Role.SUPERVISOR));
        api.post("/subscribers/import").handler(this::importCsv);
        api.post("/subscribers").handler(this::register);
        api.get("/subscribers").handler(this::list);
    }

    private void register(RoutingContext ctx) {
        JsonObject body = Api.body(ctx);
        if (body == null) {
            return;
        }
        String source = "api:" + AuthHandler.session(ctx).username();
        Api.await(ctx, registration.register(text(body, "phone"), text(body, "region"), text(body, "language"), source),
                result -> {
                    if (result instanceof Registration.Registered r) {
                        Api.json(ctx, 201, new JsonObject().put("pseudonym", r.pseudonym()).put("status", r.status().id()));
                    } else if (result instanceof Registration.RefusedOptedOut r) {
                        Api.error(ctx, 409, "this person opted out; only their own opt-in (e.g. texting ABONNER) "
                                + "can subscribe them again");
                    } else {
                        Api.error(ctx, 400, ((Registration.Invalid) result).reason());
                    }
                });
    }

    private void list(RoutingContext ctx) {
        int size;
        try {
            size = Integer.parseInt(Optional.ofNullable(ctx.request().getParam("limit")).orElse("100"));
        } catch (NumberFormatException e) {
            size = -1;
        }
        Optional<String> cursor = Optional.ofNullable(ctx.request().getParam("cursor"));
        if (size < 1 || size > 1000 || cursor.filter(c -> !isScanCursor(c)).isPresent()) {
            Api.error(ctx, 400, "limit must be 1–1000 and cursor a number from a previous page");
            return;
        }
        Api.await(ctx, repository.page(cursor, size), page -> {
            JsonArray out = new JsonArray();
            page.subscribers().forEach(s -> out.add(describe(s)));
            Api.json(ctx, 200, new JsonObject().put("subscribers", out)
                    .put("next_cursor", page.nextCursor().orElse(null)));
        });
    }

    /** Redis SCAN cursors are unsigned 64-bit numbers; Redis refuses anything larger. */
    private static boolean isScanCursor(String cursor) {
        if (!cursor.matches("\\d{1,20}")) {
            return false;
        }
        try {
            Long.parseUnsignedLong(cursor);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private void importCsv(RoutingContext ctx) {
        List<Map<String, String>> rows;
        try {
            String csv = ctx.body() == null ? null : ctx.body().asString();
            rows = parse(csv == null ? "" : csv);
        } catch (IllegalArgumentException e) {
            Api.error(ctx, 400, e.getMessage());
            return;
        }
        String source = "import:" + AuthHandler.session(ctx).username();
        Api.await(ctx, importRows(rows, source), results -> Api.json(ctx, 200, results));
    }

    /** Rows one after another, so a large file never floods Redis; each row's outcome is reported. */
    private CompletionStage<JsonObject> importRows(List<Map<String, String>> rows, String source) {
        JsonObject summary = new JsonObject().put("rows", rows.size()).put("registered", 0)
                .put("refused_opted_out", 0).put("invalid", 0);
        JsonArray problems = new JsonArray();
        Set<String> seenPhones = new HashSet<>();
        CompletionStage<Void> chain = CompletableFuture.completedFuture(null);
        for (int i = 0; i < rows.size(); i++) {
            int line = i + 2; // the header is line 1
            Map<String, String> row = rows.get(i);
            chain = chain.thenCompose(v -> {
                String phone = row.getOrDefault("phone", "").trim();
                if (!phone.isEmpty() && !seenPhones.add(phone.replaceAll("\\D", ""))) {
                    return CompletableFuture.completedFuture(new Registration.Invalid("the same number appears earlier in the file"));
                }
                return registration.register(phone, row.getOrDefault("region", ""), row.getOrDefault("language", ""),
                        source);
            }).thenAccept(result -> count(summary, problems, line, result));
        }
        return chain.thenApply(v -> summary.put("problems", problems));
    }

    private static void count(JsonObject summary, JsonArray problems, int line, Registration result) {
        if (result instanceof Registration.Registered) {
            summary.put("registered", summary.getInteger("registered") + 1);
        } else if (result instanceof Registration.RefusedOptedOut) {
            summary.put("refused_opted_out", summary.getInteger("refused_opted_out") + 1);
            problems.add(new JsonObject().put("line", line).put("error", "opted out; not subscribed again"));
        } else {
            summary.put("invalid", summary.getInteger("invalid") + 1);
            problems.add(new JsonObject().put("line", line).put("error", ((Registration.Invalid) result).reason()));
        }
    }

    static List<Map<String, String>> parse(String csv) {
        if (csv.isBlank()) {
            throw new IllegalArgumentException("the CSV body is empty; expected a header phone,region,language");
        }
        try (MappingIterator<Map<String, String>> it = CSV.readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader().withColumnReordering(true)).readValues(csv)) {
            List<Map<String, String>> rows = new ArrayList<>();
            boolean any = it.hasNext();
            CsvSchema header = ((com.fasterxml.jackson.dataformat.csv.CsvParser) it.getParser()).getSchema();
            List<String> columns = new ArrayList<>();
            header.forEach(column -> columns.add(columnName(column.getName())));
            if (!columns.containsAll(List.of("phone", "region", "language"))) {
                throw new IllegalArgumentException("the header must name the columns phone, region and language");
            }
            while (any && it.hasNext()) {
                if (rows.size() == MAX_IMPORT_ROWS) {
                    throw new IllegalArgumentException("at most " + MAX_IMPORT_ROWS + " rows per import");
                }
                rows.add(byColumnName(it.next()));
            }
            return rows;
        } catch (java.io.IOException | RuntimeException e) {
            if (e instanceof IllegalArgumentException iae) {
                throw iae;
            }
            throw new IllegalArgumentException("the body is not valid CSV: " + e.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** "Phone" and " phone" name the phone column: the header check and the rows read the same names. */
    private static String columnName(String header) {
        return header.trim().toLowerCase(java.util.Locale.ROOT);
    }

    private static Map<String, String> byColumnName(Map<String, String> row) {
        Map<String, String> out = new java.util.HashMap<>();
        row.forEach((column, value) -> out.put(columnName(column), value));
        return out;
    }

    private static JsonObject describe(Subscriber s) {
        return new JsonObject().put("pseudonym", s.pseudonym()).put("region", s.region().orElse(null))
                .put("language", s.language().map(Language::code).orElse(null)).put("status", s.status().id())
                .put("consent_source", s.consentSource()).put("last_channel", s.lastChannel())
                .put("created_at", s.createdAt().toString()).put("updated_at", s.updatedAt().toString());
    }

    private static String text(JsonObject body, String field) {
        return body.getValue(field) instanceof String s ? s : "";
    }
}
