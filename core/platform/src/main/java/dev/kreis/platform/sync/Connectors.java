package dev.kreis.platform.sync;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import dev.kreis.spi.connector.Connector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/** The connectors on the class path, by id. */
@ApplicationScoped
public class Connectors {
    private final Map<String, Connector> byId = new TreeMap<>();

    Connectors(Instance<Connector> connectors) {
        for (Connector connector : connectors) {
            Connector earlier = byId.put(connector.descriptor().id(), connector);
            if (earlier != null) {
                throw new IllegalStateException("two connectors declare the id " + connector.descriptor().id());
            }
        }
    }

    public Optional<Connector> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public Collection<Connector> all() {
        return byId.values();
    }
}
