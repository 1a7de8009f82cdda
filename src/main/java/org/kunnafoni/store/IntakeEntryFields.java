package org.kunnafoni.store;

/** Field names of an intake stream entry, shared by the writer (intake) and the readers (triage workers). */
public final class IntakeEntryFields {
    public static final String CHANNEL = "channel";
    public static final String KIND = "kind";
    public static final String PROVIDER_ID = "provider_id";
    public static final String DEVICE_ID = "device_id";
    public static final String REPORTER = "reporter";
    public static final String PHONE_ENC = "phone_enc";
    public static final String TO = "to";
    public static final String BODY = "body";
    public static final String RECEIVED_AT = "received_at";
    /** "1" when the sender was over intake.sender-limit: stored, but not triaged into leads. */
    public static final String FLOOD = "flood";

    private IntakeEntryFields() {
    }
}
