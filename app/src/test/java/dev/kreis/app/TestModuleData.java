package dev.kreis.app;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import dev.kreis.spi.privacy.PersonalDataContributor;
import jakarta.enterprise.context.ApplicationScoped;

/** A module's personal data, kept in memory, so export and erasure tests can see the SPI being called. */
@ApplicationScoped
public class TestModuleData implements PersonalDataContributor {
    static final String ID = "test-module";

    private final Map<UUID, Map<String, Object>> data = new ConcurrentHashMap<>();
    private final Set<UUID> erased = ConcurrentHashMap.newKeySet();

    void put(UUID customerId, Map<String, Object> values) {
        data.put(customerId, values);
    }

    boolean erased(UUID customerId) {
        return erased.contains(customerId);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Map<String, Object> export(UUID customerId) {
        return data.getOrDefault(customerId, Map.of());
    }

    @Override
    public void erase(UUID customerId) {
        data.remove(customerId);
        erased.add(customerId);
    }
}
