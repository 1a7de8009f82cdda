package org.kunnafoni.web.auth;

import java.util.concurrent.CompletionStage;

/** Counts failed logins per user name and per client address within a window. */
public interface LoginThrottle {
    CompletionStage<Boolean> blocked(String username, String address);

    CompletionStage<Void> failed(String username, String address);

    CompletionStage<Void> succeeded(String username);
}
