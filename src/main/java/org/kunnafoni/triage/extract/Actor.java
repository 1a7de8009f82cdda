package org.kunnafoni.triage.extract;

/**
 * Who the message says did it. ARMY = national or foreign armed forces; MILITIA = self-defence or
 * community militia (dozo, donso…); ARMED_GROUP = non-state armed groups, "armed men", bandits.
 */
public enum Actor { ARMED_GROUP, ARMY, MILITIA, UNKNOWN }
