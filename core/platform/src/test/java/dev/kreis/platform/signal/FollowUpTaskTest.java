package dev.kreis.platform.signal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class FollowUpTaskTest {

    private static FollowUpTask task(UUID rule, UUID customer, TaskStatus status) {
        return new FollowUpTask(UUID.randomUUID(), rule, customer, null, "support", "Call", TaskPriority.HIGH, status, null, null, null,
                null, null, null, null, null, null);
    }

    @Test
    void anActiveTaskHoldsItsRulesOpenKeyForTheCustomer() {
        UUID rule = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        for (TaskStatus active : List.of(TaskStatus.OPEN, TaskStatus.IN_PROGRESS)) {
            assertEquals(rule + "/" + customer, task(rule, customer, active).openKey());
        }
    }

    @Test
    void aClosedTaskHoldsNoOpenKey() {
        for (TaskStatus closed : List.of(TaskStatus.DONE, TaskStatus.DISMISSED)) {
            assertNull(task(UUID.randomUUID(), UUID.randomUUID(), closed).openKey());
        }
    }
}
