package org.kunnafoni.app;

import org.kunnafoni.campaign.CampaignChannel;
import org.kunnafoni.campaign.Campaigns;
import org.kunnafoni.campaign.FanOut;
import org.kunnafoni.store.RedisAudience;
import org.kunnafoni.store.RedisCampaignStore;
import org.kunnafoni.store.RedisConnector;
import org.kunnafoni.store.RedisRunPlans;
import org.kunnafoni.text.template.TemplateLibrary;
import org.kunnafoni.triage.place.Gazetteer;
import org.kunnafoni.web.CampaignRoutes;
import org.kunnafoni.web.auth.AuthHandler;
import org.kunnafoni.web.auth.AuthService;

import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Awareness campaigns: the API service over Redis, and the scheduler loop that fans due runs out. */
final class CampaignWiring implements AutoCloseable {
    private final CampaignScheduler scheduler;
    private final CampaignRoutes routes;

    private CampaignWiring(CampaignScheduler scheduler, CampaignRoutes routes) {
        this.scheduler = scheduler;
        this.routes = routes;
    }

    static CampaignWiring start(GatewayConfig config, RedisConnector redis, DispatchWiring dispatch, AuthService auth,
                                AuthHandler handler, InstantSource clock) {
        GatewayConfig.Campaigns c = config.campaigns();
        TemplateLibrary templates = TemplateLibrary.loadDefault();
        RedisCampaignStore store = new RedisCampaignStore(redis, dispatch.store());
        RedisAudience audience = new RedisAudience(redis);
        Campaigns campaigns = new Campaigns(store, audience, templates, Set.copyOf(Gazetteer.loadDefault().regions()),
                new Campaigns.Settings(c.pricePerSegment(), c.currency(), c.defaultValidity()), clock,
                Campaigns::randomId, new CampaignChannel.Available(config.relay().routing().configured(),
                        config.secrets().relaySecrets().keySet()));
        // without a configured sender the dispatches are held by the pipeline; the name only keys the rate limit
        Map<String, String> senders = new HashMap<>(Map.of(CampaignChannel.TWILIO, "twilio",
                CampaignChannel.RELAY, "relay"));
        senders.putAll(config.dispatch().senders());
        FanOut fanOut = new FanOut(store, audience, new RedisRunPlans(redis), dispatch.queue(), templates, senders,
                clock, c.fanoutPage(), c.claimLease());
        CampaignScheduler scheduler = new CampaignScheduler(store, fanOut, clock, c.schedulerInterval(), c.claimLease());
        scheduler.start();
        return new CampaignWiring(scheduler, new CampaignRoutes(campaigns, auth, handler));
    }

    CampaignRoutes routes() {
        return routes;
    }

    @Override
    public void close() throws Exception {
        scheduler.close();
    }
}
