package dev.kreis.platform.signal;

/** A validated rule as a client sent it, before it is stored. */
public record RuleDraft(String name, boolean enabled, TriggerPattern trigger, Condition condition, Action action) {
}
