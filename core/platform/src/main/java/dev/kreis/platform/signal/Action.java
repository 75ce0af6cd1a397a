package dev.kreis.platform.signal;

/** What a rule does when it fires. */
public sealed interface Action {

    String kind();

    /** Open a follow-up task for a department, unless this rule has an open one for the customer already. */
    record OpenTask(String department, TaskPriority priority, String title) implements Action {
        public String kind() {
            return "task";
        }
    }

    /** Tag the customer (a tag is kept once, with the rule that set it first). */
    record TagCustomer(String tag) implements Action {
        public String kind() {
            return "tag";
        }
    }

    /** Publish a {@link dev.kreis.spi.signal.SignalRaised} CDI event with this name. */
    record RaiseEvent(String name) implements Action {
        public String kind() {
            return "event";
        }
    }
}
