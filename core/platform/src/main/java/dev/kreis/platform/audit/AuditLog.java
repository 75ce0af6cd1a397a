package dev.kreis.platform.audit;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.audit.persistence.AuditRepository;
import dev.kreis.platform.audit.persistence.AuditRepository.AuditFilter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Records and reads audit entries. An entry names the actor (the caller's principal, or a system actor
 * such as {@code identity-resolution}), the action ({@code customer.merged}, {@code user.created}), the
 * target and the target's state before and after as JSON. Recording joins the caller's transaction, so
 * an entry exists exactly when the change it describes was committed. Callers never pass secrets
 * (passwords, token values) in {@code before} or {@code after}.
 */
@ApplicationScoped
public class AuditLog {
    private final AuditRepository repository;
    private final ObjectMapper json;
    private final Clock clock;

    AuditLog(AuditRepository repository, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Appends one entry. {@code before} and {@code after} are serialised with Jackson ({@code null}
     * stores nothing). An entry whose target type is {@code customer} is also found by that customer's
     * export and erasure.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String targetType, String targetId, Object before, Object after) {
        record(actor, action, targetType, targetId, before, after, List.of());
    }

    /** As {@link #record(String, String, String, String, Object, Object)}, also concerning the given customers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String actor, String action, String targetType, String targetId, Object before, Object after,
            Collection<UUID> customers) {
        Set<UUID> concerned = new LinkedHashSet<>(customers);
        if ("customer".equals(targetType) && targetId != null) {
            try {
                concerned.add(UUID.fromString(targetId));
            } catch (IllegalArgumentException e) {
                // a customer target that is not an id concerns no stored customer
            }
        }
        repository.insert(UUID.randomUUID(), OffsetDateTime.now(clock), actor, action, targetType, targetId, write(before),
                write(after), concerned);
    }

    /** Entries matching the filter, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AuditEntry> find(AuditFilter filter, Cursor after, int limit) {
        return Page.of(repository.find(filter, after, limit + 1), limit, e -> Cursor.after(e.occurredAt(), e.id()));
    }

    /** Every entry concerning one of the customers, oldest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> about(Collection<UUID> customers) {
        return repository.about(customers);
    }

    private String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit state cannot be written as JSON", e);
        }
    }
}
