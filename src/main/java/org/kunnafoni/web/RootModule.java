package org.kunnafoni.web;

import io.vertx.ext.web.Router;

/** Routes outside {@code /api} that a part of the gateway adds (provider callbacks, the dashboard). */
public interface RootModule {
    void mount(Router root);
}
