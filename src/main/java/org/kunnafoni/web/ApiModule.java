package org.kunnafoni.web;

import io.vertx.ext.web.Router;

/** A group of JSON routes mounted under {@code /api}; each protects its own routes. */
public interface ApiModule {
    /** Body handlers with other limits than the default, registered before the shared one (which then skips). */
    default void mountBodyHandlers(Router api) {
    }

    void mount(Router api);
}
