package dev.kreis.platform.signal.persistence;

import static dev.kreis.platform.storage.Jdbc.time;
import static dev.kreis.platform.storage.Jdbc.uuid;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.signal.Action;
import dev.kreis.platform.signal.Condition;
import dev.kreis.platform.signal.RuleJson;
import dev.kreis.platform.signal.SignalRule;
import dev.kreis.platform.signal.TriggerPattern;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

/** Signal rules; deleting one keeps the row (tasks and tags point at it) and hides it. */
@ApplicationScoped
public class SignalRuleRepository {
    private static final String COLUMNS = "id, name, enabled, trigger_type, condition_spec, action_spec, created_at, updated_at";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Jdbc jdbc;

    SignalRuleRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SignalRule rule) {
        jdbc.update("insert into signal_rule (" + COLUMNS + ", deleted_at) values (?,?,?,?,?,?,?,?,null)", rule.id(), rule.name(),
                rule.enabled(), rule.trigger().key(), RuleJson.write(rule.condition()).toString(),
                RuleJson.write(rule.action()).toString(), rule.createdAt(), rule.updatedAt());
    }

    public void update(SignalRule rule) {
        jdbc.update("update signal_rule set name = ?, enabled = ?, trigger_type = ?, condition_spec = ?, action_spec = ?, updated_at = ?"
                + " where id = ? and deleted_at is null", rule.name(), rule.enabled(), rule.trigger().key(),
                RuleJson.write(rule.condition()).toString(), RuleJson.write(rule.action()).toString(), rule.updatedAt(), rule.id());
    }

    public boolean delete(UUID id, OffsetDateTime now) {
        return jdbc.update("update signal_rule set deleted_at = ?, updated_at = ? where id = ? and deleted_at is null", now, now, id) == 1;
    }

    public Optional<SignalRule> find(UUID id) {
        return jdbc.queryOne("select " + COLUMNS + " from signal_rule where id = ? and deleted_at is null", SignalRuleRepository::rule, id);
    }

    /** Rules not deleted, newest first. */
    public List<SignalRule> page(Cursor before, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from signal_rule where deleted_at is null");
        List<Object> params = new ArrayList<>();
        Cursor.appendBefore(before, "created_at", "id", sql, params);
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit);
        return jdbc.query(sql.toString(), SignalRuleRepository::rule, params.toArray());
    }

    /** Every enabled rule, for the evaluation cache. */
    public List<SignalRule> enabled() {
        return jdbc.query("select " + COLUMNS + " from signal_rule where enabled = true and deleted_at is null order by created_at, id",
                SignalRuleRepository::rule);
    }

    private static SignalRule rule(ResultSet row) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        try {
            Condition condition = RuleJson.condition(JSON.readTree(row.getString("condition_spec")), "condition", errors);
            Action action = RuleJson.action(JSON.readTree(row.getString("action_spec")), "action", errors);
            if (!errors.isEmpty()) {
                throw new IllegalStateException("signal rule " + row.getString("id") + " is stored invalid: " + errors);
            }
            return new SignalRule(uuid(row, "id"), row.getString("name"), row.getBoolean("enabled"),
                    new TriggerPattern(row.getString("trigger_type")), condition, action, time(row, "created_at"), time(row, "updated_at"));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("signal rule " + row.getString("id") + " is stored as invalid JSON", e);
        }
    }
}
