package org.kunnafoni.web.leads;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import org.kunnafoni.web.ApiModule;

/** {@code GET /api/openapi.yaml}: the contract itself, public (it describes the API, not data). */
public final class ContractRoutes implements ApiModule {
    private final Buffer yaml;

    public ContractRoutes(ApiContract contract) {
        this.yaml = Buffer.buffer(contract.yaml());
    }

    @Override
    public void mount(Router api) {
        api.get("/openapi.yaml").handler(ctx -> ctx.response().putHeader("Content-Type", "application/yaml")
                .putHeader("Cache-Control", "no-cache").end(yaml));
    }
}
