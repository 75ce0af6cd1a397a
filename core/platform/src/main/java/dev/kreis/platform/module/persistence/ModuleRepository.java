package dev.kreis.platform.module.persistence;

import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** {@code module_installation} and {@code module_contribution}. */
@ApplicationScoped
public class ModuleRepository {
    private static final String COLUMNS = "module_id, state, installed_version, origin, descriptor, config, installed_at, updated_at, updated_by";
    private final Jdbc jdbc;

    ModuleRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public List<InstallationRow> all() {
        return jdbc.query("select " + COLUMNS + " from module_installation order by module_id", ModuleRepository::row);
    }

    /** Every module's state, by id. */
    public Map<String, String> states() {
        Map<String, String> states = new TreeMap<>();
        jdbc.query("select module_id, state from module_installation", row -> states.put(row.getString("module_id"), row.getString("state")));
        return states;
    }

    public Optional<InstallationRow> find(String moduleId) {
        return jdbc.queryOne("select " + COLUMNS + " from module_installation where module_id = ?", ModuleRepository::row, moduleId);
    }

    /** The row, locked until the transaction ends, so lifecycle actions on one module run one at a time. */
    public Optional<InstallationRow> lock(String moduleId) {
        return jdbc.queryOne("select " + COLUMNS + " from module_installation where module_id = ? for update", ModuleRepository::row, moduleId);
    }

    /** Inserts the row if it is missing (a bundled module's first action); answers whether it inserted. */
    public boolean insertIfAbsent(InstallationRow row) {
        if (find(row.moduleId()).isPresent()) {
            return false;
        }
        jdbc.update("insert into module_installation (" + COLUMNS + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?)", row.moduleId(), row.state(),
                row.installedVersion(), row.origin(), row.descriptor(), row.config(), row.installedAt(), row.updatedAt(), row.updatedBy());
        return true;
    }

    public void update(InstallationRow row) {
        jdbc.update("update module_installation set state = ?, installed_version = ?, descriptor = ?, config = ?, installed_at = ?,"
                + " updated_at = ?, updated_by = ? where module_id = ?", row.state(), row.installedVersion(), row.descriptor(), row.config(),
                row.installedAt(), row.updatedAt(), row.updatedBy(), row.moduleId());
    }

    /**
     * When each uploaded declarative module's row last changed, by id: what a node compares with what it read before to
     * learn of a module uploaded, replaced or deleted on another node without reading every descriptor.
     */
    public Map<String, java.time.Instant> declarativeVersions() {
        Map<String, java.time.Instant> versions = new TreeMap<>();
        jdbc.query("select module_id, updated_at from module_installation where origin = 'declarative' and descriptor is not null",
                row -> versions.put(row.getString("module_id"), Jdbc.time(row, "updated_at").toInstant()));
        return versions;
    }

    public int countDeclarative() {
        return jdbc.queryOne("select count(*) as n from module_installation where origin = 'declarative'", r -> r.getInt("n")).orElse(0);
    }

    /** Records what the module contributes, replacing what it contributed before. */
    public void replaceContributions(String moduleId, Map<String, Collection<String>> byKind) {
        jdbc.update("delete from module_contribution where module_id = ?", moduleId);
        List<Object[]> rows = new ArrayList<>();
        byKind.forEach((kind, keys) -> keys.forEach(key -> rows.add(new Object[] { kind, key, moduleId })));
        if (!rows.isEmpty()) {
            jdbc.batch("insert into module_contribution (kind, item_key, module_id) values (?, ?, ?)", rows);
        }
    }

    /** What the module contributes, by kind. */
    public Map<String, List<String>> contributions(String moduleId) {
        Map<String, List<String>> byKind = new TreeMap<>();
        jdbc.query("select kind, item_key from module_contribution where module_id = ? order by kind, item_key",
                row -> byKind.computeIfAbsent(row.getString("kind"), k -> new ArrayList<>()).add(row.getString("item_key")), moduleId);
        return byKind;
    }

    public void removeContributions(String moduleId) {
        jdbc.update("delete from module_contribution where module_id = ?", moduleId);
    }

    /** How many touchpoints a purge would delete: those the module fed and those of its own types. */
    public long countTouchpoints(String moduleId) {
        return jdbc.queryOne("select count(*) as n from touchpoint where source = ? or (module = ? and type like ?)", r -> r.getLong("n"),
                moduleId, moduleId, moduleId + ".%").orElse(0L);
    }

    /** How many holds the module has placed on customers. */
    public long countHolds(String moduleId) {
        return jdbc.queryOne("select count(*) as n from customer_hold where module_id = ?", r -> r.getLong("n"), moduleId).orElse(0L);
    }

    /** Deletes the touchpoints the module fed and those of its own types; answers the UTC days they were on. */
    public List<Integer> purgeTouchpoints(String moduleId) {
        java.util.SortedSet<Integer> days = new java.util.TreeSet<>();
        jdbc.query("select occurred_at from touchpoint where source = ? or (module = ? and type like ?)", row -> {
            days.add((int) Jdbc.time(row, "occurred_at").toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toEpochDay());
            return null;
        }, moduleId, moduleId, moduleId + ".%");
        jdbc.update("delete from touchpoint where source = ? or (module = ? and type like ?)", moduleId, moduleId, moduleId + ".%");
        return List.copyOf(days);
    }

    private static InstallationRow row(java.sql.ResultSet row) throws java.sql.SQLException {
        return new InstallationRow(row.getString("module_id"), row.getString("state"), row.getString("installed_version"), row.getString("origin"),
                row.getString("descriptor"), row.getString("config"), Jdbc.time(row, "installed_at"), Jdbc.time(row, "updated_at"),
                row.getString("updated_by"));
    }

}
