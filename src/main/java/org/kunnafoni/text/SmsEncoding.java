package org.kunnafoni.text;

/** The two SMS data codings the gateway sends: GSM 03.38 default alphabet or UCS-2 (UTF-16). */
public enum SmsEncoding {
    GSM7("gsm7"),
    UCS2("ucs2");

    private final String id;

    SmsEncoding(String id) {
        this.id = id;
    }

    /** Identifier used in JSON, exports and config. */
    public String id() {
        return id;
    }
}
