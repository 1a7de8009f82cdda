package org.kunnafoni.web;

import io.vertx.ext.web.Router;

/** A group of JSON routes mounted under {@code /api}; each protects its own routes. */
public interface ApiModule {
    void mount(Router api);
}
