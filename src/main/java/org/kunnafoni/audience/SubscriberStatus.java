package org.kunnafoni.audience;

import java.util.Locale;

public enum SubscriberStatus {
    ACTIVE, OPTED_OUT;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
