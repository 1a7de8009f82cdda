package org.kunnafoni.radio;

/**
 * Per campaign and partner: how many broadcasts are still planned (including slots over but not yet missed),
 * confirmed, postponed or missed, and how many the station was reminded to confirm (whatever their status now).
 */
public record PartnerReport(String partnerId, long planned, long confirmed, long postponed, long missed,
                            long reminded) {
}
