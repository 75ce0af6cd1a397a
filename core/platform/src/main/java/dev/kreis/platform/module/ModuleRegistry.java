package dev.kreis.platform.module;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kreis.platform.api.ConflictProblem;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.audit.AuditLog;
import dev.kreis.platform.customer.Holds;
import dev.kreis.platform.kpi.KpiRegistry;
import dev.kreis.platform.kpi.RollupFolder;
import dev.kreis.platform.module.persistence.InstallationRow;
import dev.kreis.platform.module.persistence.ModuleRepository;
import dev.kreis.platform.touchpoint.TouchpointTypeRegistry;
import dev.kreis.spi.kpi.KpiComputation;
import dev.kreis.spi.kpi.KpiDefinition;
import dev.kreis.spi.module.AttributeDefinition;
import dev.kreis.spi.module.DataPolicy;
import dev.kreis.spi.module.KreisModule;
import dev.kreis.spi.module.ModuleDescriptor;
import dev.kreis.spi.module.ModulePermission;
import dev.kreis.spi.module.ModuleState;
import dev.kreis.spi.touchpoint.TouchpointTypeDefinition;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;
import org.semver4j.Semver;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Every module this installation knows and the lifecycle an admin drives: install (with migrations and
 * the core-version check; on a newer version, upgrade), enable, disable, configure, uninstall keeping or
 * purging the data, and uploading declarative modules.
 *
 * <p>Each lifecycle action runs in one transaction holding the lock on the module's
 * {@code module_installation} row (safe on several nodes); the module's hook runs inside it, so a hook
 * that fails rolls the action back. Every action is audited.
 *
 * <p>Every {@code kreis.modules.state-refresh} the registry reads which declarative modules are stored
 * ({@link #refreshDeclarative()}): one uploaded, replaced or deleted on another node is registered, replaced or
 * dropped here as the uploading node did, so every node serves the same modules.
 */
@Startup
@ApplicationScoped
public class ModuleRegistry implements dev.kreis.spi.module.ModuleConfigurations {
    private static final Logger LOG = Logger.getLogger(ModuleRegistry.class);

    /** First path segments of /api/v1 the core uses; a module id may not take one. */
    static final Set<String> RESERVED = Set.of("customers", "profiles", "touchpoints", "touchpoint-types", "merge-suggestions", "survivorship",
            "kpis", "journeys", "surveys", "signals", "signal-rules", "tasks", "tags", "scorecards", "users", "tokens", "me", "audit",
            "modules", "consents", "privacy", "erasures", "core", "feedback", "revenue", "kreis", "api", "public", "connectors");

    private final Instance<KreisModule> bundled;
    private final ModuleRepository repository;
    private final ModuleStates states;
    private final ModuleMigrations migrations;
    private final TouchpointTypeRegistry types;
    private final KpiRegistry kpis;
    private final DeclarativeModules declarative;
    private final AuditLog audit;
    private final Holds holds;
    private final RollupFolder folder;
    private final ObjectMapper json;
    private final ModuleConfig config;
    private final Clock clock;
    private final Map<String, RegisteredModule> modules = new ConcurrentHashMap<>();
    /** Guards the registration of declarative modules: an upload here and the refresh of other nodes' uploads. */
    private final Object registration = new Object();
    /** The stored descriptor of each declarative module registered here, by id, as read from or written to its row. */
    private final Map<String, String> descriptors = new ConcurrentHashMap<>();
    /** When the row of each declarative module last changed, as this node last read it. */
    private final Map<String, java.time.Instant> seen = new ConcurrentHashMap<>();
    private ScheduledExecutorService refresher;
    private volatile boolean refreshFailing;

    ModuleRegistry(@Any Instance<KreisModule> bundled, ModuleRepository repository, ModuleStates states, ModuleMigrations migrations,
            TouchpointTypeRegistry types, KpiRegistry kpis, DeclarativeModules declarative, AuditLog audit, Holds holds, RollupFolder folder,
            ObjectMapper json, ModuleConfig config, Clock clock) {
        this.bundled = bundled;
        this.repository = repository;
        this.states = states;
        this.migrations = migrations;
        this.types = types;
        this.kpis = kpis;
        this.declarative = declarative;
        this.audit = audit;
        this.holds = holds;
        this.folder = folder;
        this.json = json;
        this.config = config;
        this.clock = clock;
    }

    @PostConstruct
    void start() {
        for (KreisModule module : bundled) {
            ModuleDescriptor descriptor = module.descriptor();
            RegisteredModule earlier = modules.get(descriptor.id());
            if (earlier != null) {
                throw new IllegalStateException("Two bundled modules have the id '" + descriptor.id() + "'");
            }
            if (RESERVED.contains(descriptor.id())) {
                throw new IllegalStateException("Module id '" + descriptor.id() + "' is reserved for the core's API");
            }
            add(new RegisteredModule(descriptor, module, RegisteredModule.Origin.BUNDLED));
        }
        QuarkusTransaction.requiringNew().run(() -> {
            for (InstallationRow row : repository.all()) {
                if (!row.origin().equals("declarative") || row.descriptor() == null) {
                    continue;
                }
                seen.put(row.moduleId(), row.updatedAt().toInstant());
                try {
                    RegisteredModule module = declarative.parse(json.readTree(row.descriptor()));
                    add(module);
                    descriptors.put(row.moduleId(), row.descriptor());
                } catch (RuntimeException | JsonProcessingException e) {
                    LOG.errorf(e, "The declarative module %s stored in module_installation cannot be read; it is left out", row.moduleId());
                }
            }
        });
    }

    void startRefresh(@Observes StartupEvent event) {
        long interval = Math.max(100, config.stateRefresh().toMillis());
        refresher = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kreis-module-refresh");
            thread.setDaemon(true);
            return thread;
        });
        refresher.scheduleWithFixedDelay(this::scheduledRefresh, interval, interval, TimeUnit.MILLISECONDS);
    }

    void stopRefresh(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    private void scheduledRefresh() {
        try {
            refreshDeclarative();
            if (refreshFailing) {
                refreshFailing = false;
                LOG.info("Reading the declarative modules other nodes uploaded works again");
            }
        } catch (RuntimeException e) {
            if (!refreshFailing) {
                refreshFailing = true; // said once per outage, not every refresh
                LOG.warnf("Reading the declarative modules other nodes uploaded failed (%s); each refresh tries again", e.toString());
            }
        }
    }

    /**
     * Brings this node's declarative modules in line with {@code module_installation}: a module another node uploaded
     * is registered (its touchpoint types, KPIs, attributes and permissions), one replaced there by a new descriptor is
     * registered anew (types the new version dropped are forgotten), and one whose row is gone is dropped. A row that
     * did not change since the last refresh is not read again. Runs every {@code kreis.modules.state-refresh}.
     *
     * @return the ids of the modules registered, replaced or dropped
     */
    public Set<String> refreshDeclarative() {
        Set<String> changed = new TreeSet<>();
        try {
            synchronized (registration) {
                Map<String, java.time.Instant> versions = QuarkusTransaction.requiringNew().call(repository::declarativeVersions);
                for (Map.Entry<String, java.time.Instant> version : versions.entrySet()) {
                    String id = version.getKey();
                    if (!version.getValue().equals(seen.get(id)) && refresh(id)) {
                        changed.add(id);
                    }
                }
                for (String id : List.copyOf(descriptors.keySet())) {
                    if (!versions.containsKey(id)) {
                        drop(id);
                        changed.add(id);
                        LOG.infof("Declarative module %s is no longer stored in module_installation; it is dropped on this node", id);
                    }
                }
            }
        } finally {
            if (!changed.isEmpty()) {
                states.invalidate();
            }
        }
        return Set.copyOf(changed);
    }

    /**
     * Registers the stored descriptor of {@code id} if it is not the one registered here; answers whether it did. A descriptor
     * that cannot be read is left out until its row changes; a failure of the database is tried again at the next refresh.
     */
    private boolean refresh(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            InstallationRow row = repository.find(id).orElse(null);
            if (row == null || row.descriptor() == null || !row.origin().equals("declarative")) {
                return false;
            }
            java.time.Instant version = row.updatedAt().toInstant();
            RegisteredModule existing = modules.get(id);
            if (row.descriptor().equals(descriptors.get(id)) || existing != null && existing.origin() == RegisteredModule.Origin.BUNDLED) {
                seen.put(id, version);
                return false;
            }
            RegisteredModule module;
            try {
                module = declarative.parse(json.readTree(row.descriptor()));
            } catch (RuntimeException | JsonProcessingException e) {
                seen.put(id, version);
                LOG.errorf(e, "The declarative module %s stored in module_installation cannot be read; it is left out until its row changes", id);
                return false;
            }
            replace(existing, module);
            descriptors.put(id, row.descriptor());
            seen.put(id, version);
            LOG.infof("Declarative module %s %s is %s on this node from module_installation (uploaded or replaced on another node)", id,
                    module.descriptor().version(), existing == null ? "registered" : "replaced");
            return true;
        });
    }

    /** Registers {@code module} in place of {@code existing} (if any), forgetting the types the new version no longer declares. */
    private void replace(RegisteredModule existing, RegisteredModule module) {
        if (existing != null) {
            types.unregister(existing.descriptor().touchpointTypes().stream().map(TouchpointTypeDefinition::key)
                    .filter(k -> module.descriptor().touchpointTypes().stream().noneMatch(t -> t.key().equals(k))).toList());
        }
        add(module);
    }

    private void drop(String id) {
        RegisteredModule module = modules.remove(id);
        descriptors.remove(id);
        seen.remove(id);
        if (module == null) {
            return;
        }
        types.unregister(module.descriptor().touchpointTypes().stream().map(TouchpointTypeDefinition::key).toList());
        kpis.registerModule(id, Map.of());
        states.forget(id);
    }

    private void add(RegisteredModule module) {
        ModuleDescriptor descriptor = module.descriptor();
        states.declare(descriptor.id());
        types.register(descriptor.touchpointTypes());
        Map<KpiDefinition, KpiComputation> computations = new LinkedHashMap<>();
        for (KpiDefinition kpi : descriptor.kpis()) {
            computations.put(kpi, module.module().computation(kpi));
        }
        kpis.registerModule(descriptor.id(), computations);
        modules.put(descriptor.id(), module);
    }

    /** Every known module, by id. */
    public List<RegisteredModule> all() {
        return modules.values().stream().sorted(java.util.Comparator.comparing(RegisteredModule::id)).toList();
    }

    public RegisteredModule require(String id) {
        RegisteredModule module = modules.get(id);
        if (module == null) {
            throw new NotFoundProblem("No module with id " + id + "; GET /api/v1/modules lists the modules of this installation");
        }
        return module;
    }

    public Optional<InstallationRow> installation(String id) {
        return repository.find(id);
    }

    /** The state of every known module. */
    public ModuleState state(String id) {
        return states.state(id);
    }

    /** Whether the installed core version satisfies the module's range. */
    public boolean compatible(ModuleDescriptor descriptor) {
        return Semver.parse(coreVersion()) != null && Semver.parse(coreVersion()).satisfies(descriptor.coreVersions());
    }

    public String coreVersion() {
        String version = config.coreVersion();
        return version.endsWith("-SNAPSHOT") ? version.substring(0, version.length() - "-SNAPSHOT".length()) : version;
    }

    /** The permissions of enabled modules the given roles hold. */
    public Set<String> permissionsOf(Collection<String> roles) {
        Set<String> granted = new TreeSet<>();
        for (RegisteredModule module : modules.values()) {
            if (states.state(module.id()) != ModuleState.ENABLED) {
                continue;
            }
            for (ModulePermission permission : module.descriptor().permissions()) {
                if (permission.roles().stream().anyMatch(roles::contains)) {
                    granted.add(permission.name());
                }
            }
        }
        return granted;
    }

    /** The custom attribute {@code key} of a known module, if one declares it. */
    public Optional<Map.Entry<String, AttributeDefinition>> attribute(String key) {
        for (RegisteredModule module : modules.values()) {
            for (AttributeDefinition attribute : module.descriptor().attributes()) {
                if (attribute.key().equals(key)) {
                    return Optional.of(Map.entry(module.id(), attribute));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Installs the module (migrations, hooks, contributions) and enables it; on an installed module whose
     * bundled or uploaded version is newer, upgrades it.
     *
     * @throws ConflictProblem if the core version is outside the module's range, it is installed at this version, or the
     *                         installed version is newer
     */
    public InstallationRow install(String id, String actor) {
        RegisteredModule module = require(id);
        ModuleDescriptor descriptor = module.descriptor();
        if (!compatible(descriptor)) {
            throw new ConflictProblem("Module " + id + " " + descriptor.version() + " requires Kreis core " + descriptor.coreVersions()
                    + ", but this is Kreis core " + coreVersion() + "; install a version of the module made for this core");
        }
        Optional<InstallationRow> before = repository.find(id);
        boolean installed = before.map(r -> !r.state().equals(ModuleState.AVAILABLE.wire())).orElse(false);
        Optional<String> previousVersion = before.filter(r -> installed).map(InstallationRow::installedVersion);
        if (installed) {
            int order = Semver.parse(descriptor.version()).compareTo(Semver.parse(previousVersion.orElse("0.0.0")));
            if (order == 0) {
                throw new ConflictProblem("Module " + id + " " + descriptor.version() + " is already installed");
            }
            if (order < 0) {
                throw new ConflictProblem("Module " + id + " " + previousVersion.get() + " is installed; " + descriptor.version()
                        + " is older and would be a downgrade, which Kreis does not do");
            }
        }
        ClassLoader loader = module.module().getClass().getClassLoader();
        int ran = migrations.migrate(descriptor, loader);
        InstallationRow after = QuarkusTransaction.requiringNew().call(() -> {
            ensureRow(module, actor);
            InstallationRow row = repository.lock(id).orElseThrow();
            Map<String, String> settings = settings(module, row);
            ModuleContexts context = new ModuleContexts(id, settings, previousVersion);
            if (installed) {
                module.module().onUpgrade(context);
            } else {
                module.module().onInstall(context);
                module.module().onEnable(context);
            }
            repository.replaceContributions(id, contributions(descriptor));
            OffsetDateTime now = OffsetDateTime.now(clock);
            String state = installed ? row.state() : ModuleState.ENABLED.wire();
            InstallationRow updated = new InstallationRow(id, state, descriptor.version(), row.origin(), row.descriptor(), row.config(),
                    installed ? row.installedAt() : now, now, actor);
            repository.update(updated);
            audit.record(actor, installed ? "module.upgraded" : "module.installed", "module", id, before.map(this::auditView).orElse(null),
                    Map.of("state", state, "version", descriptor.version(), "migrationsRun", ran));
            return updated;
        });
        states.invalidate();
        return after;
    }

    /** Enables an installed, disabled module. */
    public InstallationRow enable(String id, String actor) {
        return transition(id, actor, ModuleState.DISABLED, ModuleState.ENABLED, "module.enabled",
                (module, context) -> module.module().onEnable(context));
    }

    /** Disables an enabled module; its data stays. */
    public InstallationRow disable(String id, String actor) {
        return transition(id, actor, ModuleState.ENABLED, ModuleState.DISABLED, "module.disabled",
                (module, context) -> module.module().onDisable(context));
    }

    private InstallationRow transition(String id, String actor, ModuleState from, ModuleState to, String action,
            java.util.function.BiConsumer<RegisteredModule, ModuleContexts> hook) {
        RegisteredModule module = require(id);
        InstallationRow after = QuarkusTransaction.requiringNew().call(() -> {
            ensureRow(module, actor);
            InstallationRow row = repository.lock(id).orElseThrow();
            if (!row.state().equals(from.wire())) {
                throw new ConflictProblem("Module " + id + " is " + describe(row.state()) + "; only a module that is " + from.wire()
                        + " can be " + to.wire());
            }
            hook.accept(module, new ModuleContexts(id, settings(module, row), Optional.empty()));
            InstallationRow updated = new InstallationRow(id, to.wire(), row.installedVersion(), row.origin(), row.descriptor(), row.config(),
                    row.installedAt(), OffsetDateTime.now(clock), actor);
            repository.update(updated);
            audit.record(actor, action, "module", id, Map.of("state", row.state()), Map.of("state", to.wire()));
            return updated;
        });
        states.invalidate();
        return after;
    }

    /** Sets the module's settings (validated against its schema); an installed module hears of it. */
    public InstallationRow configure(String id, JsonNode values, String actor) {
        RegisteredModule module = require(id);
        Map<String, String> settings = ModuleSettings.validate(module.descriptor().config(), values);
        InstallationRow after = QuarkusTransaction.requiringNew().call(() -> {
            ensureRow(module, actor);
            InstallationRow row = repository.lock(id).orElseThrow();
            Map<String, String> before = settings(module, row);
            InstallationRow updated = new InstallationRow(id, row.state(), row.installedVersion(), row.origin(), row.descriptor(), write(settings),
                    row.installedAt(), OffsetDateTime.now(clock), actor);
            repository.update(updated);
            if (!row.state().equals(ModuleState.AVAILABLE.wire())) {
                module.module().onConfigure(new ModuleContexts(id, settings, Optional.empty()));
            }
            audit.record(actor, "module.configured", "module", id, before, settings);
            return updated;
        });
        states.invalidate();
        return after;
    }

    /**
     * What uninstalling the module with data=purge would delete, counted now; nothing changes. The module's own
     * records are counted by the module ({@link dev.kreis.spi.module.KreisModule#purgeCounts}) while it is installed.
     */
    public PurgePreview purgePreview(String id) {
        RegisteredModule module = require(id);
        ModuleState state = state(module.id());
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<InstallationRow> row = installation(id);
            List<PurgePreview.Records> records = state == ModuleState.AVAILABLE ? List.of()
                    : module.module().purgeCounts(new ModuleContexts(id, settings(module, row.orElse(null)), Optional.empty())).stream()
                            .map(count -> new PurgePreview.Records(count.kind(), count.count())).toList();
            return new PurgePreview(id, state.wire(), repository.countTouchpoints(id), repository.countHolds(id), records,
                    repository.contributions(id), row.map(InstallationRow::config).filter(c -> !c.isBlank() && !c.equals("{}")).isPresent());
        });
    }

    /**
     * The counts of a purge preview: touchpoints and holds that go, the module's own records by kind (as the module
     * counts them), the contributions (touchpoint types, KPIs, attributes, permissions) that are unregistered, and
     * whether stored settings are reset.
     */
    public record PurgePreview(
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "The module's id") String module,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, enumeration = { "available", "enabled", "disabled" })
            String state,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true,
                    description = "Touchpoints the module fed or of its own types") long touchpoints,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "Holds the module placed") long holds,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true,
                    description = "The module's own records that would be deleted, one entry per kind, as the module counts them; empty when the"
                            + " module is not installed or keeps no records of its own")
            List<Records> records,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true,
                    description = "The keys it registered, by kind (touchpoint-type, kpi, permission, attribute); empty when none")
            Map<String, List<String>> contributions,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true,
                    description = "Whether stored settings would be reset") boolean settings) {

        /** How many records of one kind the module would delete. */
        @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "PurgeRecordCount")
        public record Records(
                @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true,
                        description = "What is counted, a lower-case key in the plural such as tickets or deals") String kind,
                @org.eclipse.microprofile.openapi.annotations.media.Schema(required = true, description = "How many there are now") long count) {
        }
    }

    /**
     * Uninstalls the module. {@link DataPolicy#KEEP} leaves every row and touchpoint, so installing again
     * brings them back; {@link DataPolicy#PURGE} deletes the module's rows, its touchpoints and its holds.
     */
    public InstallationRow uninstall(String id, DataPolicy data, String actor) {
        RegisteredModule module = require(id);
        List<Integer> purgedDays = new java.util.ArrayList<>();
        InstallationRow after = QuarkusTransaction.requiringNew().call(() -> {
            InstallationRow row = repository.lock(id).orElse(null);
            if (row == null || row.state().equals(ModuleState.AVAILABLE.wire())) {
                throw new ConflictProblem("Module " + id + " is not installed");
            }
            Map<String, List<String>> contributed = repository.contributions(id);
            module.module().onUninstall(new ModuleContexts(id, settings(module, row), Optional.empty()), data);
            if (data == DataPolicy.PURGE) {
                purgedDays.addAll(repository.purgeTouchpoints(id));
                holds.liftAll(id);
            }
            repository.removeContributions(id);
            InstallationRow updated = new InstallationRow(id, ModuleState.AVAILABLE.wire(), null, row.origin(), row.descriptor(),
                    data == DataPolicy.PURGE ? write(Map.of()) : row.config(), null, OffsetDateTime.now(clock), actor);
            repository.update(updated);
            Map<String, Object> auditAfter = new LinkedHashMap<>();
            auditAfter.put("state", ModuleState.AVAILABLE.wire());
            auditAfter.put("data", data.name().toLowerCase(java.util.Locale.ROOT));
            auditAfter.put("removed", contributed);
            auditAfter.put("touchpointDaysPurged", purgedDays.size());
            audit.record(actor, "module.uninstalled", "module", id, auditView(row), auditAfter);
            return updated;
        });
        states.invalidate();
        if (!purgedDays.isEmpty()) {
            folder.refold(purgedDays);
        }
        return after;
    }

    /**
     * Adds (or replaces) a declarative module from its descriptor. Replacing one that is installed needs
     * a higher version and upgrades it in place.
     */
    public RegisteredModule upload(JsonNode body, String actor) {
        RegisteredModule module = declarative.parse(body);
        String id = module.id();
        RegisteredModule existing = modules.get(id);
        if (existing != null && existing.origin() == RegisteredModule.Origin.BUNDLED) {
            throw new ConflictProblem("Module id " + id + " belongs to a bundled module; choose another id");
        }
        if (RESERVED.contains(id)) {
            throw new dev.kreis.platform.api.InvalidInputException("id", "'" + id + "' is reserved for the core's API; choose another id");
        }
        checkClashes(module);
        String stored;
        try {
            stored = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        boolean upgrade = QuarkusTransaction.requiringNew().call(() -> {
            Optional<InstallationRow> row = repository.lock(id);
            if (row.isEmpty() && repository.countDeclarative() >= config.maxDeclarative()) {
                throw new ConflictProblem("This installation has " + config.maxDeclarative() + " declarative modules, the most it allows");
            }
            boolean installed = row.map(r -> !r.state().equals(ModuleState.AVAILABLE.wire())).orElse(false);
            if (installed && Semver.parse(module.descriptor().version()).compareTo(Semver.parse(row.get().installedVersion())) <= 0) {
                throw new ConflictProblem("Module " + id + " " + row.get().installedVersion() + " is installed; upload a higher version to upgrade it,"
                        + " or uninstall it first");
            }
            OffsetDateTime now = OffsetDateTime.now(clock);
            if (row.isEmpty()) {
                repository.insertIfAbsent(new InstallationRow(id, ModuleState.AVAILABLE.wire(), null, "declarative", stored,
                        write(ModuleSettings.defaults(module.descriptor().config())), null, now, actor));
            } else {
                InstallationRow r = row.get();
                repository.update(new InstallationRow(id, r.state(), r.installedVersion(), r.origin(), stored, r.config(), r.installedAt(), now, actor));
            }
            audit.record(actor, existing == null ? "module.uploaded" : "module.replaced", "module", id,
                    existing == null ? null : Map.of("version", existing.descriptor().version()), Map.of("version", module.descriptor().version()));
            return installed;
        });
        synchronized (registration) {
            replace(modules.get(id), module);
            descriptors.put(id, stored);
        }
        states.invalidate();
        if (upgrade) {
            install(id, actor);
        }
        return module;
    }

    private void checkClashes(RegisteredModule module) {
        ModuleDescriptor descriptor = module.descriptor();
        List<dev.kreis.platform.api.Problem.FieldError> errors = new java.util.ArrayList<>();
        for (int i = 0; i < descriptor.touchpointTypes().size(); i++) {
            String key = descriptor.touchpointTypes().get(i).key();
            int index = i;
            types.find(key).filter(t -> !t.owner().equals(descriptor.id()))
                    .ifPresent(t -> errors.add(new dev.kreis.platform.api.Problem.FieldError("touchpointTypes[" + index + "].key",
                            "'" + key + "' is already a touchpoint type of " + t.owner())));
        }
        for (int i = 0; i < descriptor.kpis().size(); i++) {
            String key = descriptor.kpis().get(i).key();
            int index = i;
            kpis.owner(key).filter(owner -> !owner.equals(descriptor.id()))
                    .ifPresent(owner -> errors.add(new dev.kreis.platform.api.Problem.FieldError("kpis[" + index + "].key",
                            "'" + key + "' is already a KPI of " + owner)));
        }
        if (!errors.isEmpty()) {
            throw new dev.kreis.platform.api.InvalidInputException(errors);
        }
    }

    private void ensureRow(RegisteredModule module, String actor) {
        repository.insertIfAbsent(new InstallationRow(module.id(), ModuleState.AVAILABLE.wire(), null, module.origin().wire(), null,
                write(ModuleSettings.defaults(module.descriptor().config())), null, OffsetDateTime.now(clock), actor));
    }

    /** The module's settings: stored values over the schema's defaults. */
    public Map<String, String> settings(RegisteredModule module, InstallationRow row) {
        Map<String, String> settings = new LinkedHashMap<>(ModuleSettings.defaults(module.descriptor().config()));
        if (row != null && row.config() != null) {
            try {
                json.readTree(row.config()).fields().forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("module_installation.config of " + module.id() + " is not JSON", e);
            }
        }
        return settings;
    }

    @Override
    public Map<String, String> of(String moduleId) {
        if (!modules.containsKey(moduleId)) {
            throw new IllegalArgumentException("no module with id " + moduleId);
        }
        return Map.copyOf(settings(moduleId));
    }

    /** What the registry recorded the module contributed, by kind. */
    public Map<String, List<String>> contributions(String id) {
        return repository.contributions(id);
    }

    /** The settings of the module as stored now (defaults for a module never configured). */
    public Map<String, String> settings(String id) {
        RegisteredModule module = require(id);
        return settings(module, repository.find(id).orElse(null));
    }

    private static Map<String, Collection<String>> contributions(ModuleDescriptor descriptor) {
        Map<String, Collection<String>> byKind = new LinkedHashMap<>();
        byKind.put("touchpoint-type", descriptor.touchpointTypes().stream().map(TouchpointTypeDefinition::key).toList());
        byKind.put("kpi", descriptor.kpis().stream().map(KpiDefinition::key).toList());
        byKind.put("permission", descriptor.permissions().stream().map(ModulePermission::name).toList());
        byKind.put("attribute", descriptor.attributes().stream().map(AttributeDefinition::key).toList());
        return byKind;
    }

    private Map<String, Object> auditView(InstallationRow row) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("state", row.state());
        view.put("version", row.installedVersion());
        return view;
    }

    private String write(Map<String, String> settings) {
        try {
            return json.writeValueAsString(settings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(String state) {
        return state.equals(ModuleState.AVAILABLE.wire()) ? "not installed" : state;
    }
}
