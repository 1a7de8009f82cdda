package org.kunnafoni.web.leads;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.lead.LeadOrder;
import org.kunnafoni.lead.LeadQuery;
import org.kunnafoni.lead.ReviewedLead;
import org.kunnafoni.web.Api;
import org.kunnafoni.web.ApiModule;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** The review queue, per-day counts and one lead's detail (opening it records that someone looked). */
public final class LeadRoutes implements ApiModule {
    private final ReviewContext rc;

    public LeadRoutes(ReviewContext rc) {
        this.rc = rc;
    }

    @Override
    public void mount(Router api) {
        api.get("/leads").handler(rc.authenticated()).handler(rc.validate(HttpMethod.GET, "/leads"))
                .handler(this::list);
        api.get("/leads/stats").handler(rc.authenticated()).handler(rc.validate(HttpMethod.GET, "/leads/stats"))
                .handler(this::stats);
        api.get("/leads/:id").handler(rc.authenticated()).handler(rc.validate(HttpMethod.GET, "/leads/{id}"))
                .handler(this::detail);
    }

    private void list(RoutingContext ctx) {
        LeadQuery query = LeadFilters.from(ctx);
        String cursor = LeadFilters.param(ctx, "cursor");
        Optional<LeadOrder.Key> after = cursor == null ? Optional.empty() : LeadOrder.Key.decode(cursor);
        if (cursor != null && after.isEmpty()) {
            Api.error(ctx, 400, "cursor: not a cursor from a previous page");
            return;
        }
        int limit = Optional.ofNullable(LeadFilters.param(ctx, "limit")).map(Integer::parseInt).orElse(50);
        Api.await(ctx, rc.review().all(query.searchesText()), all -> {
            List<ReviewedLead> matching = all.stream().filter(query::matches).toList();
            LeadQuery anyStatus = LeadFilters.withoutStatus(query);
            LeadOrder.Page page = LeadOrder.page(matching, after, limit);
            JsonObject counts = new JsonObject().put("total", matching.size())
                    .put("by_status", count(all.stream().filter(anyStatus::matches).toList(),
                            r -> r.lead().status().id()))
                    .put("by_priority", count(matching, r -> r.lead().priority().id()));
            JsonArray leads = new JsonArray();
            page.leads().forEach(r -> leads.add(LeadJson.summary(r)));
            Api.json(ctx, 200, new JsonObject().put("leads", leads).put("next_cursor", page.nextCursor().orElse(null))
                    .put("counts", counts));
        });
    }

    private static JsonObject count(List<ReviewedLead> leads, java.util.function.Function<ReviewedLead, String> key) {
        Map<String, Long> counts = leads.stream().collect(Collectors.groupingBy(key, TreeMap::new,
                Collectors.counting()));
        JsonObject out = new JsonObject();
        counts.forEach(out::put);
        return out;
    }

    private void stats(RoutingContext ctx) {
        LocalDate from = Optional.ofNullable(LeadFilters.param(ctx, "from")).map(LocalDate::parse).orElse(null);
        LocalDate to = Optional.ofNullable(LeadFilters.param(ctx, "to")).map(LocalDate::parse).orElse(null);
        Api.await(ctx, rc.review().all(false), all -> {
            Map<List<String>, Long> counts = all.stream().filter(LeadQuery.all()::matches)
                    .map(r -> List.of(r.lead().firstSeen().atZone(ZoneOffset.UTC).toLocalDate().toString(),
                            r.lead().region() == null ? "" : r.lead().region(), r.lead().category().id()))
                    .filter(k -> (from == null || !LocalDate.parse(k.get(0)).isBefore(from))
                            && (to == null || !LocalDate.parse(k.get(0)).isAfter(to)))
                    .collect(Collectors.groupingBy(k -> k,
                            () -> new TreeMap<>(java.util.Comparator.comparing((List<String> k) -> String.join("|", k))),
                            Collectors.counting()));
            JsonArray days = new JsonArray();
            counts.forEach((k, n) -> days.add(new JsonObject().put("date", k.get(0))
                    .put("region", k.get(1).isEmpty() ? null : k.get(1)).put("category", k.get(2)).put("count", n)));
            Api.json(ctx, 200, new JsonObject().put("days", days));
        });
    }

    private void detail(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        Api.await(ctx, rc.review().markOpened(id, Details.entry(rc, ctx, "opened", null, null, null)), change -> {
            if (change instanceof org.kunnafoni.lead.LeadReview.Change.Missing) {
                Api.error(ctx, 404, "no such lead");
                return;
            }
            Details.send(rc, ctx, id, 200);
        });
    }
}
