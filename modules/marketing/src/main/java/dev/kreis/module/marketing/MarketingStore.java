package dev.kreis.module.marketing;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.kreis.spi.api.ProblemException;
import dev.kreis.spi.data.ModuleDataSource;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The marketing module's rows (tables {@code mkt_*}), through plain JDBC on the platform's
 * transaction-aware data source: every call joins the caller's transaction. Thread-safe.
 */
@ApplicationScoped
public class MarketingStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> TABLES = List.of("mkt_email_event", "mkt_web_visit", "mkt_form_submission", "mkt_campaign_member",
            "mkt_campaign_list_entry", "mkt_campaign", "mkt_setting");

    /** SQLSTATE of a unique constraint violation, on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final ModuleDataSource dataSource;

    MarketingStore(ModuleDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A campaign row. */
    record Campaign(UUID id, CampaignDraft draft, Instant createdAt, Instant updatedAt, Instant refreshedAt) {
    }

    /** An e-mail event row. */
    record EmailEvent(UUID id, String externalId, UUID campaignId, UUID customerId, String event, Instant occurredAt, UUID touchpointId,
            Instant recordedAt) {
    }

    /** A web visit row. */
    record WebVisit(UUID id, String externalId, UUID customerId, String url, Instant occurredAt, UUID touchpointId, Instant recordedAt) {
    }

    /** A form submission row. */
    record FormSubmission(UUID id, String externalId, String form, UUID customerId, String email, String firstName, String lastName,
            String phone, Map<String, String> fields, Instant occurredAt, UUID touchpointId, Instant recordedAt) {
    }

    /** A member row. */
    record Member(UUID campaignId, UUID customerId, Instant addedAt) {
    }

    /** The first {@code sent} of one (campaign, customer) pair in a period. */
    record FirstSend(UUID campaignId, UUID customerId, Instant sentAt) {
    }

    // --- settings ---------------------------------------------------------------------------------

    void putSetting(String key, String value) {
        int updated = update("update mkt_setting set setting_value = ? where setting_key = ?", value, key);
        if (updated == 0) {
            update("insert into mkt_setting (setting_key, setting_value) values (?, ?)", key, value);
        }
    }

    Optional<String> setting(String key) {
        return query("select setting_value from mkt_setting where setting_key = ?", rs -> rs.getString(1), key).stream().findFirst();
    }

    // --- campaigns --------------------------------------------------------------------------------

    void insertCampaign(UUID id, CampaignDraft draft, Instant now) {
        update("insert into mkt_campaign (id, name, channel, purpose, starts_on, ends_on, budget, audience_type, segment_filter, created_at,"
                + " updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                id, draft.name(), draft.channel(), draft.purpose(), draft.startsOn(), draft.endsOn(), draft.budget(), audienceType(draft.audience()),
                segmentJson(draft.audience()), time(now), time(now));
        writeList(id, draft.audience());
    }

    void updateCampaign(UUID id, CampaignDraft draft, boolean audienceChanged, Instant now) {
        update("update mkt_campaign set name = ?, channel = ?, purpose = ?, starts_on = ?, ends_on = ?, budget = ?, audience_type = ?,"
                + " segment_filter = ?, updated_at = ? where id = ?",
                draft.name(), draft.channel(), draft.purpose(), draft.startsOn(), draft.endsOn(), draft.budget(), audienceType(draft.audience()),
                segmentJson(draft.audience()), time(now), id);
        if (audienceChanged) {
            update("delete from mkt_campaign_list_entry where campaign_id = ?", id);
            writeList(id, draft.audience());
        }
    }

    /** Deletes the campaign, its list and its members; its e-mail events stay (they are history and feed the KPIs). */
    boolean deleteCampaign(UUID id) {
        update("delete from mkt_campaign_member where campaign_id = ?", id);
        update("delete from mkt_campaign_list_entry where campaign_id = ?", id);
        return update("delete from mkt_campaign where id = ?", id) > 0;
    }

    void markRefreshed(UUID id, Instant now) {
        update("update mkt_campaign set refreshed_at = ? where id = ?", time(now), id);
    }

    /** The campaign with its full audience. */
    Optional<Campaign> campaign(UUID id) {
        return query(CAMPAIGN_SELECT + " where id = ?", rs -> campaign(rs, true), id).stream().findFirst();
    }

    /** The campaign with the given id, locked for update until the transaction ends. */
    Optional<Campaign> campaignForUpdate(UUID id) {
        return query(CAMPAIGN_SELECT + " where id = ? for update", rs -> campaign(rs, true), id).stream().findFirst();
    }

    /** Campaign ids that exist among {@code ids}, with their channels. */
    Map<UUID, Campaign> campaigns(Collection<UUID> ids) {
        Map<UUID, Campaign> out = new HashMap<>();
        for (UUID id : new HashSet<>(ids)) {
            query(CAMPAIGN_SELECT + " where id = ?", rs -> campaign(rs, false), id).forEach(c -> out.put(c.id(), c));
        }
        return out;
    }

    /** Campaigns newest first, after the cursor (created_at, id), at most {@code limit}; list audiences without their ids. */
    List<Campaign> campaigns(Instant afterTime, UUID afterId, int limit) {
        if (afterTime == null) {
            return query(CAMPAIGN_SELECT + " order by created_at desc, id desc limit ?", rs -> campaign(rs, false), limit);
        }
        return query(CAMPAIGN_SELECT + " where created_at < ? or (created_at = ? and id < ?) order by created_at desc, id desc limit ?",
                rs -> campaign(rs, false), time(afterTime), time(afterTime), afterId, limit);
    }

    int listSize(UUID campaignId) {
        return query("select count(*) from mkt_campaign_list_entry where campaign_id = ?", rs -> rs.getInt(1), campaignId).get(0);
    }

    private static final String CAMPAIGN_SELECT = "select id, name, channel, purpose, starts_on, ends_on, budget, audience_type, segment_filter,"
            + " created_at, updated_at, refreshed_at from mkt_campaign";

    private Campaign campaign(ResultSet rs, boolean withList) throws SQLException {
        UUID id = rs.getObject("id", UUID.class);
        Audience audience;
        if ("segment".equals(rs.getString("audience_type"))) {
            audience = new Audience.Segment(readMap(rs.getString("segment_filter")));
        } else {
            audience = new Audience.StaticList(withList ? listOf(id) : List.of());
        }
        CampaignDraft draft = new CampaignDraft(rs.getString("name"), rs.getString("channel"), rs.getString("purpose"),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class), scaled(rs.getBigDecimal("budget")), audience);
        return new Campaign(id, draft, instant(rs, "created_at"), instant(rs, "updated_at"), instant(rs, "refreshed_at"));
    }

    private List<UUID> listOf(UUID campaignId) {
        return query("select customer_id from mkt_campaign_list_entry where campaign_id = ? order by list_position",
                rs -> rs.getObject(1, UUID.class), campaignId);
    }

    private void writeList(UUID campaignId, Audience audience) {
        if (audience instanceof Audience.StaticList list) {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < list.customerIds().size(); i++) {
                rows.add(new Object[] { campaignId, list.customerIds().get(i), i });
            }
            batch("insert into mkt_campaign_list_entry (campaign_id, customer_id, list_position) values (?, ?, ?)", rows);
        }
    }

    // --- members ----------------------------------------------------------------------------------

    /** Makes {@code customerIds} the campaign's members: adds the new ones, removes those no longer in it. */
    void replaceMembers(UUID campaignId, Collection<UUID> customerIds, Instant now) {
        Set<UUID> existing = new HashSet<>(query("select customer_id from mkt_campaign_member where campaign_id = ?",
                rs -> rs.getObject(1, UUID.class), campaignId));
        Set<UUID> wanted = new HashSet<>(customerIds);
        List<Object[]> removed = new ArrayList<>();
        for (UUID id : existing) {
            if (!wanted.contains(id)) {
                removed.add(new Object[] { campaignId, id });
            }
        }
        List<Object[]> added = new ArrayList<>();
        for (UUID id : customerIds) {
            if (!existing.contains(id)) {
                added.add(new Object[] { campaignId, id, time(now) });
            }
        }
        batch("delete from mkt_campaign_member where campaign_id = ? and customer_id = ?", removed);
        batch("insert into mkt_campaign_member (campaign_id, customer_id, added_at) values (?, ?, ?)", added);
    }

    /** Members ordered by customer id, after {@code afterCustomerId}, at most {@code limit}. */
    List<Member> members(UUID campaignId, UUID afterCustomerId, int limit) {
        if (afterCustomerId == null) {
            return query("select campaign_id, customer_id, added_at from mkt_campaign_member where campaign_id = ? order by customer_id limit ?",
                    MarketingStore::member, campaignId, limit);
        }
        return query("select campaign_id, customer_id, added_at from mkt_campaign_member where campaign_id = ? and customer_id > ?"
                + " order by customer_id limit ?", MarketingStore::member, campaignId, afterCustomerId, limit);
    }

    boolean isMember(UUID campaignId, UUID customerId) {
        return !query("select 1 from mkt_campaign_member where campaign_id = ? and customer_id = ?", rs -> 1, campaignId, customerId).isEmpty();
    }

    List<Member> membershipsOf(UUID customerId) {
        return query("select campaign_id, customer_id, added_at from mkt_campaign_member where customer_id = ? order by added_at, campaign_id",
                MarketingStore::member, customerId);
    }

    private static Member member(ResultSet rs) throws SQLException {
        return new Member(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), instant(rs, "added_at"));
    }

    // --- e-mail events, web visits, form submissions ------------------------------------------------

    /** The e-mail events already stored under these external ids, by external id. */
    Map<String, EmailEvent> emailEventsByExternalId(Collection<String> externalIds) {
        Map<String, EmailEvent> out = new HashMap<>();
        List<String> distinct = new ArrayList<>(new HashSet<>(externalIds));
        for (int from = 0; from < distinct.size(); from += 100) {
            List<String> chunk = distinct.subList(from, Math.min(distinct.size(), from + 100));
            String marks = String.join(", ", java.util.Collections.nCopies(chunk.size(), "?"));
            query(EMAIL_SELECT + " where external_id in (" + marks + ")", MarketingStore::emailEvent, chunk.toArray())
                    .forEach(e -> out.put(e.externalId(), e));
        }
        return out;
    }

    void insertEmailEvent(EmailEvent event) {
        update("insert into mkt_email_event (id, external_id, campaign_id, customer_id, event, occurred_at, touchpoint_id, recorded_at)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?)", event.id(), event.externalId(), event.campaignId(), event.customerId(), event.event(),
                time(event.occurredAt()), event.touchpointId(), time(event.recordedAt()));
    }

    List<EmailEvent> emailEventsOf(UUID customerId) {
        return query(EMAIL_SELECT + " where customer_id = ? order by occurred_at, id", MarketingStore::emailEvent, customerId);
    }

    /** The first {@code sent} event of every (campaign, customer) pair among the sends in {@code [from, to)}. */
    List<FirstSend> firstSends(Instant from, Instant to) {
        return query("select campaign_id, customer_id, min(occurred_at) as first_sent from mkt_email_event where event = 'sent'"
                + " and occurred_at >= ? and occurred_at < ? group by campaign_id, customer_id order by campaign_id, customer_id",
                rs -> new FirstSend(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), instant(rs, "first_sent")), time(from), time(to));
    }

    /** Per event kind of the campaign's e-mail events: {events, distinct customers}. */
    Map<String, long[]> emailEventCounts(UUID campaignId) {
        Map<String, long[]> out = new HashMap<>();
        query("select event, count(*), count(distinct customer_id) from mkt_email_event where campaign_id = ? group by event",
                rs -> Map.entry(rs.getString(1), new long[] { rs.getLong(2), rs.getLong(3) }), campaignId)
                .forEach(row -> out.put(row.getKey(), row.getValue()));
        return out;
    }

    Optional<Instant> lastEmailEventAt(UUID campaignId) {
        return query("select max(occurred_at) as last_at from mkt_email_event where campaign_id = ?", rs -> Optional.ofNullable(instant(rs, "last_at")),
                campaignId).get(0);
    }

    /** The customer id and URL of every web visit whose URL contains {@code text} (the caller checks the URL exactly). */
    List<Map.Entry<UUID, String>> webVisitsWithUrlContaining(String text) {
        return query("select customer_id, url from mkt_web_visit where lower(url) like ?", rs -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)),
                "%" + text + "%");
    }

    /** {visits, distinct customers} of the campaign's members in {@code [from, to)}. */
    long[] memberVisits(UUID campaignId, Instant from, Instant to) {
        return query("select count(*), count(distinct v.customer_id) from mkt_web_visit v join mkt_campaign_member m on m.customer_id = v.customer_id"
                + " where m.campaign_id = ? and v.occurred_at >= ? and v.occurred_at < ?", rs -> new long[] { rs.getLong(1), rs.getLong(2) },
                campaignId, time(from), time(to)).get(0);
    }

    /** The campaign's e-mail events, newest first, optionally of one kind, after the (occurredAt, id) position. */
    List<EmailEvent> emailEventsOfCampaign(UUID campaignId, String event, Instant afterTime, UUID afterId, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder sql = new StringBuilder(EMAIL_SELECT).append(" where campaign_id = ?");
        params.add(campaignId);
        if (event != null) {
            sql.append(" and event = ?");
            params.add(event);
        }
        if (afterTime != null) {
            sql.append(" and (occurred_at < ? or (occurred_at = ? and id < ?))");
            params.add(time(afterTime));
            params.add(time(afterTime));
            params.add(afterId);
        }
        sql.append(" order by occurred_at desc, id desc limit ?");
        params.add(limit);
        return query(sql.toString(), MarketingStore::emailEvent, params.toArray());
    }

    private static final String EMAIL_SELECT = "select id, external_id, campaign_id, customer_id, event, occurred_at, touchpoint_id, recorded_at"
            + " from mkt_email_event";

    private static EmailEvent emailEvent(ResultSet rs) throws SQLException {
        return new EmailEvent(rs.getObject("id", UUID.class), rs.getString("external_id"), rs.getObject("campaign_id", UUID.class),
                rs.getObject("customer_id", UUID.class), rs.getString("event"), instant(rs, "occurred_at"), rs.getObject("touchpoint_id", UUID.class),
                instant(rs, "recorded_at"));
    }

    Optional<WebVisit> webVisitByExternalId(String externalId) {
        return query(WEB_SELECT + " where external_id = ?", MarketingStore::webVisit, externalId).stream().findFirst();
    }

    void insertWebVisit(WebVisit visit) {
        update("insert into mkt_web_visit (id, external_id, customer_id, url, occurred_at, touchpoint_id, recorded_at) values (?, ?, ?, ?, ?, ?, ?)",
                visit.id(), visit.externalId(), visit.customerId(), visit.url(), time(visit.occurredAt()), visit.touchpointId(),
                time(visit.recordedAt()));
    }

    List<WebVisit> webVisitsOf(UUID customerId) {
        return query(WEB_SELECT + " where customer_id = ? order by occurred_at, id", MarketingStore::webVisit, customerId);
    }

    private static final String WEB_SELECT = "select id, external_id, customer_id, url, occurred_at, touchpoint_id, recorded_at from mkt_web_visit";

    private static WebVisit webVisit(ResultSet rs) throws SQLException {
        return new WebVisit(rs.getObject("id", UUID.class), rs.getString("external_id"), rs.getObject("customer_id", UUID.class), rs.getString("url"),
                instant(rs, "occurred_at"), rs.getObject("touchpoint_id", UUID.class), instant(rs, "recorded_at"));
    }

    Optional<FormSubmission> formByExternalId(String externalId) {
        return query(FORM_SELECT + " where external_id = ?", MarketingStore::form, externalId).stream().findFirst();
    }

    void insertForm(FormSubmission form) {
        update("insert into mkt_form_submission (id, external_id, form, customer_id, email, first_name, last_name, phone, fields, occurred_at,"
                + " touchpoint_id, recorded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                form.id(), form.externalId(), form.form(), form.customerId(), form.email(), form.firstName(), form.lastName(), form.phone(),
                writeMap(form.fields()), time(form.occurredAt()), form.touchpointId(), time(form.recordedAt()));
    }

    List<FormSubmission> formsOf(UUID customerId) {
        return query(FORM_SELECT + " where customer_id = ? order by occurred_at, id", MarketingStore::form, customerId);
    }

    private static final String FORM_SELECT = "select id, external_id, form, customer_id, email, first_name, last_name, phone, fields, occurred_at,"
            + " touchpoint_id, recorded_at from mkt_form_submission";

    private static FormSubmission form(ResultSet rs) throws SQLException {
        String fields = rs.getString("fields");
        return new FormSubmission(rs.getObject("id", UUID.class), rs.getString("external_id"), rs.getString("form"),
                rs.getObject("customer_id", UUID.class), rs.getString("email"), rs.getString("first_name"), rs.getString("last_name"),
                rs.getString("phone"), fields == null ? null : readMap(fields), instant(rs, "occurred_at"), rs.getObject("touchpoint_id", UUID.class),
                instant(rs, "recorded_at"));
    }

    // --- privacy and purge ------------------------------------------------------------------------

    /** Whether the module's tables exist (they do once the module was installed, even if uninstalled later). */
    boolean tablesExist() {
        return !query("select 1 from information_schema.tables where lower(table_name) = 'mkt_form_submission'", rs -> 1).isEmpty();
    }

    /** Empties the personal values kept about the customer id: form contents and visited URLs. Ids, times and counts stay. */
    void erasePersonalValues(UUID customerId) {
        update("update mkt_form_submission set email = null, first_name = null, last_name = null, phone = null, fields = null where customer_id = ?",
                customerId);
        update("update mkt_web_visit set url = '(erased)' where customer_id = ?", customerId);
    }

    /** Deletes every row of every table of the module. */
    /** What {@link #purge} deletes, by kind; settings and list entries of campaigns are not counted separately. */
    List<dev.kreis.spi.module.PurgeCount> purgeCounts() {
        long[] n = query("select (select count(*) from mkt_campaign), (select count(*) from mkt_campaign_member),"
                + " (select count(*) from mkt_email_event), (select count(*) from mkt_web_visit), (select count(*) from mkt_form_submission)",
                rs -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5) }).get(0);
        return List.of(new dev.kreis.spi.module.PurgeCount("campaigns", n[0]), new dev.kreis.spi.module.PurgeCount("campaign-members", n[1]),
                new dev.kreis.spi.module.PurgeCount("email-events", n[2]), new dev.kreis.spi.module.PurgeCount("web-visits", n[3]),
                new dev.kreis.spi.module.PurgeCount("form-submissions", n[4]));
    }

    void purge() {
        for (String table : TABLES) {
            update("delete from " + table);
        }
    }

    // --- JDBC ---------------------------------------------------------------------------------------

    @FunctionalInterface
    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private DataSource ds() {
        return dataSource.get();
    }

    <T> List<T> query(String sql, RowMapper<T> mapper, Object... params) {
        try (Connection connection = ds().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            try (ResultSet rs = statement.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) {
                    out.add(mapper.map(rs));
                }
                return out;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("marketing: query failed: " + e.getMessage(), e);
        }
    }

    int update(String sql, Object... params) {
        try (Connection connection = ds().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            bind(statement, params);
            return statement.executeUpdate();
        } catch (SQLException e) {
            if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
                // Two requests with the same external id at once: the other one won; a retry answers its row as a duplicate.
                throw ProblemException.conflict("the same externalId was recorded by a concurrent request; retry to get the stored one");
            }
            throw new IllegalStateException("marketing: update failed: " + e.getMessage(), e);
        }
    }

    private void batch(String sql, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection connection = ds().getConnection(); PreparedStatement statement = connection.prepareStatement(sql)) {
            int pending = 0;
            for (Object[] row : rows) {
                bind(statement, row);
                statement.addBatch();
                if (++pending == 500) {
                    statement.executeBatch();
                    pending = 0;
                }
            }
            if (pending > 0) {
                statement.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("marketing: batch failed: " + e.getMessage(), e);
        }
    }

    private static void bind(PreparedStatement statement, Object[] params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object value = params[i];
            if (value == null) {
                statement.setObject(i + 1, null);
            } else if (value instanceof String text) {
                statement.setString(i + 1, text);
            } else if (value instanceof Integer number) {
                statement.setInt(i + 1, number);
            } else if (value instanceof BigDecimal decimal) {
                statement.setBigDecimal(i + 1, decimal);
            } else {
                statement.setObject(i + 1, value);
            }
        }
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static BigDecimal scaled(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    private static String audienceType(Audience audience) {
        return audience instanceof Audience.Segment ? "segment" : "list";
    }

    private static String segmentJson(Audience audience) {
        return audience instanceof Audience.Segment segment ? writeMap(segment.filter()) : null;
    }

    private static String writeMap(Map<String, String> map) {
        if (map == null) {
            return null;
        }
        try {
            return JSON.writeValueAsString(map);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> readMap(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("marketing: unreadable JSON in a row: " + e.getMessage(), e);
        }
    }
}
