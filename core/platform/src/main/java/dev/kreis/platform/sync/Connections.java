package dev.kreis.platform.sync;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.ConflictProblem;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.identity.api.ProfileRequests;
import dev.kreis.platform.sync.persistence.ConnectionRepository;
import dev.kreis.platform.sync.persistence.ConnectionRepository.ConnectionRow;
import dev.kreis.platform.sync.persistence.SyncRecordRepository;
import dev.kreis.spi.connector.ConnectionConfig;
import dev.kreis.spi.connector.ConnectorException;
import dev.kreis.spi.connector.ConnectorSession;
import dev.kreis.spi.connector.CrmObject;
import dev.kreis.spi.connector.ObjectAccess;
import dev.kreis.spi.connector.Connector;
import dev.kreis.spi.connector.ConnectorDescriptor;
import dev.kreis.spi.connector.CredentialField;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Connections: created, changed and deleted by admins (audited, credentials encrypted and never in the
 * audit log), read by the engine with their credentials decrypted. Limits: 20 credential values and 200
 * settings of at most 4,000 characters each.
 */
@ApplicationScoped
public class Connections {
    private static final int MAX_CREDENTIALS = 20;
    private static final int MAX_SETTINGS = 200;
    private static final int MAX_VALUE = 4000;
    private static final TypeReference<Map<String, String>> STRINGS = new TypeReference<>() {
    };

    private final ConnectionRepository repository;
    private final SyncRecordRepository records;
    private final Connectors connectors;
    private final CredentialCipher cipher;
    private final AuditLog audit;
    private final ObjectMapper json;
    private final Clock clock;

    Connections(ConnectionRepository repository, SyncRecordRepository records, Connectors connectors, CredentialCipher cipher, AuditLog audit, ObjectMapper json, Clock clock) {
        this.repository = repository;
        this.records = records;
        this.connectors = connectors;
        this.cipher = cipher;
        this.audit = audit;
        this.json = json;
        this.clock = clock;
    }

    /** What the audit log and the API may show of a connection: everything but the credential values. */
    public record Described(UUID id, String connector, String name, String source, String baseUrl, Set<String> credentials,
            Map<String, String> settings) {
        static Described of(Connection c) {
            return new Described(c.id(), c.connector(), c.name(), c.source(), c.baseUrl().toString(), new TreeSet<>(c.credentials().keySet()),
                    c.settings().values());
        }
    }

    @Transactional
    public Connection create(ConnectionDraft draft, String actor) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Connector> connector = connector(draft.connector(), errors);
        String name = name(draft.name(), errors);
        String source = draft.source().map(s -> ProfileRequests.source("source", s, errors))
                .orElse(connector.map(c -> c.descriptor().id()).orElse(""));
        URI baseUrl = draft.baseUrl().map(u -> baseUrl(u, errors)).orElse(connector.map(c -> c.descriptor().defaultBaseUrl()).orElse(null));
        Map<String, String> credentials = draft.credentials().orElse(null);
        if (credentials == null) {
            errors.add(new FieldError("credentials", "is required"));
        } else {
            connector.ifPresent(c -> checkCredentials(c.descriptor(), credentials, errors));
        }
        Map<String, String> settings = draft.settings().orElse(Map.of());
        checkSettings(settings, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (repository.sourceTaken(source)) {
            throw new ConflictProblem("another connection already uses the source '" + source + "'; give this one its own source");
        }
        OffsetDateTime now = now();
        Connection connection = new Connection(UUID.randomUUID(), connector.get().descriptor().id(), name, source, baseUrl, credentials,
                new ConnectionSettings(settings), now, now);
        repository.insert(row(connection));
        audit.record(actor, "connection.created", "connection", connection.id().toString(), null, Described.of(connection));
        return connection;
    }

    @Transactional
    public Connection update(UUID id, ConnectionDraft draft, String actor) {
        ConnectionRow row = repository.lock(id).orElseThrow(() -> new UnknownConnectionException(id));
        Connection before = decode(row);
        List<FieldError> errors = new ArrayList<>();
        if (draft.connector().filter(c -> !c.equals(before.connector())).isPresent()) {
            errors.add(new FieldError("connector", "cannot be changed; create another connection"));
        }
        if (draft.source().filter(s -> !s.equals(before.source())).isPresent()) {
            errors.add(new FieldError("source", "cannot be changed: the connection's profiles carry it"));
        }
        String name = draft.name().isPresent() ? name(draft.name(), errors) : before.name();
        URI baseUrl = draft.baseUrl().map(u -> baseUrl(u, errors)).orElse(before.baseUrl());
        Map<String, String> credentials = draft.credentials().orElse(before.credentials());
        connectors.find(before.connector()).ifPresent(c -> checkCredentials(c.descriptor(), credentials, errors));
        Map<String, String> settings = draft.settings().orElse(before.settings().values());
        checkSettings(settings, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Connection after = new Connection(id, before.connector(), name, before.source(), baseUrl, credentials, new ConnectionSettings(settings),
                before.createdAt(), now());
        repository.update(row(after));
        audit.record(actor, "connection.updated", "connection", id.toString(), Described.of(before),
                Map.of("connection", Described.of(after), "credentialsReplaced", draft.credentials().isPresent()));
        return after;
    }

    public Connection require(UUID id) {
        return repository.find(id).map(this::decode).orElseThrow(() -> new UnknownConnectionException(id));
    }

    public List<Connection> all() {
        return repository.all().stream().map(this::decode).toList();
    }

    /** The descriptor of a connection's connector; a connection whose connector jar is gone cannot sync. */
    public ConnectorDescriptor descriptor(Connection connection) {
        return connector(connection).descriptor();
    }

    public Connector connector(Connection connection) {
        return connectors.find(connection.connector())
                .orElseThrow(() -> new ConflictProblem("the connector '" + connection.connector() + "' is not installed on this node"));
    }

    public ConnectionConfig config(Connection connection) {
        return new ConnectionConfig(connection.baseUrl(), connection.credentials(), connection.settings().values(), clock);
    }

    /**
     * Deletes the connection and what the engine kept about it. With {@code purge} the profiles it brought in
     * lose their attributes and identifiers and are marked deleted; with keep they stay as they are.
     */
    @Transactional
    public void delete(UUID id, boolean purge, String actor) {
        Connection before = require(id);
        int purged = purge ? records.purgeSource(before.source(), now()) : 0;
        repository.delete(id);
        audit.record(actor, "connection.deleted", "connection", id.toString(), Described.of(before),
                Map.of("data", purge ? "purge" : "keep", "purgedProfiles", purged));
    }

    /** Which objects the connection's credentials may read and write. */
    public List<ObjectAccess> test(UUID id) {
        Connection connection = require(id);
        List<CrmObject> objects = descriptor(connection).objects();
        try (ConnectorSession session = connector(connection).open(config(connection))) {
            return session.test(objects);
        } catch (ConnectorException e) {
            return objects.stream().map(o -> new ObjectAccess(o.name(), false, false, Optional.of(e.getMessage()))).toList();
        }
    }

    private Connection decode(ConnectionRow row) {
        try {
            Map<String, String> credentials = json.readValue(cipher.decrypt(row.credentials(), row.id().toString()), STRINGS);
            Map<String, String> settings = json.readValue(row.settings(), STRINGS);
            return new Connection(row.id(), row.connector(), row.name(), row.source(), URI.create(row.baseUrl()), credentials,
                    new ConnectionSettings(settings), row.createdAt(), row.updatedAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("connection " + row.id() + " is stored in an unreadable form", e);
        }
    }

    private ConnectionRow row(Connection c) {
        try {
            return new ConnectionRow(c.id(), c.connector(), c.name(), c.source(), c.baseUrl().toString(),
                    cipher.encrypt(json.writeValueAsString(c.credentials()), c.id().toString()), json.writeValueAsString(c.settings().values()),
                    c.createdAt(), c.updatedAt());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a map of strings always serialises", e);
        }
    }

    private Optional<Connector> connector(Optional<String> id, List<FieldError> errors) {
        if (id.isEmpty() || id.get().isBlank()) {
            errors.add(new FieldError("connector", "is required"));
            return Optional.empty();
        }
        Optional<Connector> connector = connectors.find(id.get());
        if (connector.isEmpty()) {
            errors.add(new FieldError("connector", "no connector '" + id.get() + "'; installed: "
                    + connectors.all().stream().map(c -> c.descriptor().id()).toList()));
        }
        return connector;
    }

    private static String name(Optional<String> value, List<FieldError> errors) {
        String name = value.map(String::trim).orElse("");
        if (name.isEmpty()) {
            errors.add(new FieldError("name", "is required"));
        } else if (name.length() > 200) {
            errors.add(new FieldError("name", "must be at most 200 characters"));
        }
        return name;
    }

    private static URI baseUrl(String value, List<FieldError> errors) {
        try {
            URI uri = new URI(value.trim());
            if (value.length() > 2000 || uri.getHost() == null || !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
                errors.add(new FieldError("baseUrl", "must be an absolute http(s) address of at most 2000 characters"));
                return null;
            }
            return uri;
        } catch (java.net.URISyntaxException e) {
            errors.add(new FieldError("baseUrl", "must be an absolute http(s) address of at most 2000 characters"));
            return null;
        }
    }

    private static void checkCredentials(ConnectorDescriptor descriptor, Map<String, String> credentials, List<FieldError> errors) {
        if (credentials.size() > MAX_CREDENTIALS) {
            errors.add(new FieldError("credentials", "must hold at most " + MAX_CREDENTIALS + " values"));
            return;
        }
        Set<String> known = descriptor.credentials().stream().map(CredentialField::name).collect(Collectors.toSet());
        credentials.forEach((key, value) -> {
            if (!known.contains(key)) {
                errors.add(new FieldError("credentials." + key, "is not a credential of " + descriptor.name() + "; expected one of " + new TreeSet<>(known)));
            } else if (value == null || value.isBlank() || value.length() > MAX_VALUE) {
                errors.add(new FieldError("credentials." + key, "must be a non-empty string of at most " + MAX_VALUE + " characters"));
            }
        });
        Map<String, List<String>> groups = new LinkedHashMap<>();
        descriptor.credentials().stream().filter(f -> !f.group().equals(CredentialField.OPTIONAL))
                .forEach(f -> groups.computeIfAbsent(f.group(), g -> new ArrayList<>()).add(f.name()));
        boolean complete = groups.isEmpty() || groups.values().stream().anyMatch(names -> names.stream().allMatch(credentials::containsKey));
        if (!complete) {
            errors.add(new FieldError("credentials", "must hold all of one of " + groups.values()));
        }
    }

    private static void checkSettings(Map<String, String> settings, List<FieldError> errors) {
        if (settings.size() > MAX_SETTINGS) {
            errors.add(new FieldError("settings", "must hold at most " + MAX_SETTINGS + " settings"));
            return;
        }
        settings.forEach((key, value) -> {
            String field = "settings." + key;
            if (value == null || value.length() > MAX_VALUE) {
                errors.add(new FieldError(field, "must be a string of at most " + MAX_VALUE + " characters"));
            } else if (key.startsWith("conflict.") && ConflictPolicy.of(value).isEmpty()) {
                errors.add(new FieldError(field, "must be last-writer-wins, crm-wins or kreis-wins"));
            } else if (key.startsWith("interval.")) {
                try {
                    if (Duration.parse(value).compareTo(Duration.ofMinutes(1)) < 0) {
                        errors.add(new FieldError(field, "must be at least PT1M"));
                    }
                } catch (DateTimeParseException e) {
                    errors.add(new FieldError(field, "must be an ISO-8601 duration such as PT5M"));
                }
            } else if ((key.equals("push") || key.equals("createRecords")) && !value.equals("true") && !value.equals("false")) {
                errors.add(new FieldError(field, "must be true or false"));
            } else if (key.equals("erasure") && !value.equals("delete") && !value.equals("none")) {
                errors.add(new FieldError(field, "must be delete or none"));
            }
        });
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
