package org.kunnafoni.triage.extract;

/** Sex of the children a message speaks of; MIXED when girls and boys are both named. */
public enum Sex { FEMALE, MALE, MIXED, UNKNOWN }
