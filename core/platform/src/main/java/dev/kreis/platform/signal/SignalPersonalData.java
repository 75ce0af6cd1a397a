package dev.kreis.platform.signal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import dev.kreis.platform.signal.persistence.FollowUpTaskRepository;
import dev.kreis.platform.signal.persistence.SignalStateRepository;
import dev.kreis.spi.privacy.PersonalDataContributor;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Signals' part in data-subject requests: a customer's follow-up tasks and tags are exported; erasure
 * removes the free-text notes staff wrote on the tasks and keeps the rest (department, status, times,
 * whether it was resolved proactively), which names no one and keeps the proactive figures as they were.
 */
@ApplicationScoped
public class SignalPersonalData implements PersonalDataContributor {
    private final FollowUpTaskRepository tasks;
    private final SignalStateRepository state;

    SignalPersonalData(FollowUpTaskRepository tasks, SignalStateRepository state) {
        this.tasks = tasks;
        this.state = state;
    }

    @Override
    public String id() {
        return "signals";
    }

    @Override
    public Map<String, Object> export(UUID customerId) {
        List<FollowUpTask> own = tasks.ofCustomer(customerId);
        List<SignalStateRepository.Tag> tags = state.tags(List.of(customerId));
        if (own.isEmpty() && tags.isEmpty()) {
            return Map.of();
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("tasks", own.stream().map(t -> {
            Map<String, Object> task = new LinkedHashMap<>();
            task.put("id", t.id());
            task.put("department", t.department());
            task.put("title", t.title());
            task.put("status", t.status().wire());
            task.put("note", t.note());
            task.put("createdAt", t.createdAt());
            task.put("closedAt", t.closedAt());
            return task;
        }).toList());
        data.put("tags", tags.stream().map(t -> Map.of("tag", t.tag(), "taggedAt", t.taggedAt())).toList());
        return data;
    }

    @Override
    public void erase(UUID customerId) {
        tasks.eraseNotes(customerId);
    }
}
