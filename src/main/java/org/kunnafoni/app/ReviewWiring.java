package org.kunnafoni.app;

import io.vertx.core.Vertx;
import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.lead.LeadReview;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisLeadChanges;
import org.kunnafoni.store.RedisLeadReview;
import org.kunnafoni.store.RedisReportOrigins;
import org.kunnafoni.triage.TriageEngine;
import org.kunnafoni.web.ApiModule;
import org.kunnafoni.web.leads.ApiContract;
import org.kunnafoni.web.leads.ContractRoutes;
import org.kunnafoni.web.leads.EventRoutes;
import org.kunnafoni.web.leads.ExportRoutes;
import org.kunnafoni.web.leads.LeadActionRoutes;
import org.kunnafoni.web.leads.LeadMoveRoutes;
import org.kunnafoni.web.leads.LeadRoutes;
import org.kunnafoni.web.leads.PreviewRoutes;
import org.kunnafoni.web.leads.ReviewContext;
import org.kunnafoni.web.leads.RevealRoutes;

import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Builds the monitor review API and its background parts: live updates to dashboards and escalation of urgent leads. */
final class ReviewWiring {
    private ReviewWiring() {
    }

    record Review(List<ApiModule> modules, AutoCloseable background) {
    }

    static Review build(GatewayConfig config, Vertx vertx, RedisConnector redis, PhoneProtector phones,
                        TriageEngine engine, AccessWiring.Access access, InstantSource clock) throws Exception {
        ApiContract contract = ApiContract.load(vertx).await(30, TimeUnit.SECONDS);
        LeadReview review = new RedisLeadReview(redis);
        ReviewContext rc = new ReviewContext(review, new RedisReportOrigins(redis), access.auth(), access.handler(),
                contract, phones, engine, clock);
        // export and stats before /leads/:id, which would otherwise take them for lead ids
        List<ApiModule> modules = List.of(new ContractRoutes(contract), new ExportRoutes(rc), new LeadRoutes(rc),
                new LeadActionRoutes(rc), new LeadMoveRoutes(rc), new RevealRoutes(rc), new EventRoutes(rc),
                new PreviewRoutes(rc));
        LiveUpdates live = new LiveUpdates(vertx, new RedisLeadChanges(redis), review, clock);
        EscalationWatch escalations = new EscalationWatch(vertx, review, access.auth(), clock,
                config.review().escalationAfter());
        live.start();
        escalations.start();
        return new Review(modules, () -> {
            escalations.close();
            live.close();
        });
    }
}
