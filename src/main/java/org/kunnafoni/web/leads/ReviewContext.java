package org.kunnafoni.web.leads;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;
import org.kunnafoni.audience.PhoneProtector;
import org.kunnafoni.lead.LeadReview;
import org.kunnafoni.lead.ReportOrigins;
import org.kunnafoni.triage.TriageEngine;
import org.kunnafoni.web.auth.AuthHandler;
import org.kunnafoni.web.auth.AuthService;

import java.time.InstantSource;

/** What the review routes share: the review port, the intake origins, audit (through AuthService), the contract. */
public record ReviewContext(LeadReview review, ReportOrigins origins, AuthService auth, AuthHandler authenticated,
                            ApiContract contract, PhoneProtector phones, TriageEngine engine, InstantSource clock) {

    public Handler<RoutingContext> validate(io.vertx.core.http.HttpMethod method, String path) {
        return contract.validate(method, path);
    }
}
