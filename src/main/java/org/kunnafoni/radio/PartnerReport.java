package org.kunnafoni.radio;

/** Per campaign and partner: how many broadcasts are still planned, confirmed, postponed or missed. */
public record PartnerReport(String partnerId, long planned, long confirmed, long postponed, long missed) {
}
