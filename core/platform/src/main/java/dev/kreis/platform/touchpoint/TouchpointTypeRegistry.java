package dev.kreis.platform.touchpoint;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import dev.kreis.platform.storage.Jdbc;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;
import dev.kreis.spi.touchpoint.TouchpointTypeProvider;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * Every touchpoint type Kreis accepts, collected from the {@link TouchpointTypeProvider} beans at
 * start-up, stored in {@code touchpoint_type} (so reports can join on it) and held in memory for
 * ingestion. Two providers registering one key is a start-up error.
 */
@Startup
@ApplicationScoped
public class TouchpointTypeRegistry {
    private final Instance<TouchpointTypeProvider> providers;
    private final Jdbc jdbc;
    private final Map<String, TouchpointTypeDefinition> types = new ConcurrentHashMap<>();

    TouchpointTypeRegistry(@Any Instance<TouchpointTypeProvider> providers, Jdbc jdbc) {
        this.providers = providers;
        this.jdbc = jdbc;
    }

    @PostConstruct
    void register() {
        for (TouchpointTypeProvider provider : providers) {
            for (TouchpointTypeDefinition type : provider.touchpointTypes()) {
                TouchpointTypeDefinition earlier = types.get(type.key());
                if (earlier != null && !earlier.owner().equals(type.owner())) {
                    throw new IllegalStateException("Touchpoint type " + type.key() + " is registered by both "
                            + earlier.owner() + " and " + type.owner());
                }
                types.put(type.key(), type);
            }
        }
        QuarkusTransaction.requiringNew().run(() -> types.values().forEach(this::store));
    }

    /**
     * Adds the types of a module (at start-up for bundled modules, on upload for declarative ones) and
     * stores them, so reports can join on them. A key another owner registered is refused.
     *
     * @throws IllegalStateException if a key belongs to another owner
     */
    public void register(List<TouchpointTypeDefinition> moduleTypes) {
        for (TouchpointTypeDefinition type : moduleTypes) {
            TouchpointTypeDefinition earlier = types.get(type.key());
            if (earlier != null && !earlier.owner().equals(type.owner())) {
                throw new IllegalStateException("Touchpoint type " + type.key() + " is registered by both " + earlier.owner() + " and " + type.owner());
            }
        }
        moduleTypes.forEach(type -> types.put(type.key(), type));
        QuarkusTransaction.joiningExisting().run(() -> moduleTypes.forEach(this::store));
    }

    /** Forgets types a declarative module no longer declares (their stored row stays for reports on old touchpoints). */
    public void unregister(Collection<String> keys) {
        keys.forEach(types::remove);
    }

    public Optional<TouchpointTypeDefinition> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(types.get(key));
    }

    public List<TouchpointTypeDefinition> all() {
        return types.values().stream().sorted(Comparator.comparing(TouchpointTypeDefinition::key)).toList();
    }

    public Collection<String> keys() {
        return types.keySet();
    }

    private void store(TouchpointTypeDefinition type) {
        Object[] values = { type.owner(), type.defaultChannel().wire(), type.phase().wire(), type.initiator().wire(),
                type.scoreScale().map(s -> s.wire()).orElse(null), type.description(), type.key() };
        int updated = jdbc.update("update touchpoint_type set owner = ?, default_channel = ?, phase = ?, initiator = ?,"
                + " score_scale = ?, description = ? where type_key = ?", values);
        if (updated == 0) {
            jdbc.update("insert into touchpoint_type (owner, default_channel, phase, initiator, score_scale, description, type_key)"
                    + " values (?, ?, ?, ?, ?, ?, ?)", values);
        }
    }
}
