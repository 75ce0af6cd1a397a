package dev.kreis.platform.feedback.persistence;

import static dev.kreis.platform.storage.Jdbc.time;
import static dev.kreis.platform.storage.Jdbc.uuid;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.feedback.SurveyKind;
import dev.kreis.platform.storage.Jdbc;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
public class SurveyRepository {
    private static final String SURVEY = "id, name, kind, question, comment_question, valid_days, created_at, updated_at, deleted_at";
    private static final String INVITATION = "id, survey_id, customer_id, token_hash, context_touchpoint_id, created_by, "
            + "created_at, expires_at, answered_at, response_touchpoint_id";

    private final Jdbc jdbc;

    SurveyRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(SurveyRow row) {
        jdbc.update("insert into survey (" + SURVEY + ") values (?,?,?,?,?,?,?,?,?)", row.id(), row.name(), row.kind().wire(),
                row.question(), row.commentQuestion(), row.validDays(), row.createdAt(), row.updatedAt(), row.deletedAt());
    }

    public void update(SurveyRow row) {
        jdbc.update("update survey set name = ?, question = ?, comment_question = ?, valid_days = ?, updated_at = ?, deleted_at = ? "
                + "where id = ?", row.name(), row.question(), row.commentQuestion(), row.validDays(), row.updatedAt(),
                row.deletedAt(), row.id());
    }

    /** A survey that has not been deleted. */
    public Optional<SurveyRow> find(UUID id) {
        return jdbc.queryOne("select " + SURVEY + " from survey where id = ? and deleted_at is null", SurveyRepository::survey, id);
    }

    /** A survey even if deleted, to tell a respondent that it is gone. */
    public Optional<SurveyRow> findAny(UUID id) {
        return jdbc.queryOne("select " + SURVEY + " from survey where id = ?", SurveyRepository::survey, id);
    }

    /** Surveys that have not been deleted, newest first. */
    public List<SurveyRow> page(Cursor before, int limit) {
        StringBuilder sql = new StringBuilder("select " + SURVEY + " from survey where deleted_at is null");
        List<Object> params = new ArrayList<>();
        Cursor.appendBefore(before, "created_at", "id", sql, params);
        sql.append(" order by created_at desc, id desc limit ?");
        params.add(limit);
        return jdbc.query(sql.toString(), SurveyRepository::survey, params.toArray());
    }

    public void insert(InvitationRow row) {
        jdbc.update("insert into survey_invitation (" + INVITATION + ") values (?,?,?,?,?,?,?,?,?,?)", row.id(), row.surveyId(),
                row.customerId(), row.tokenHash(), row.contextTouchpointId(), row.createdBy(), row.createdAt(), row.expiresAt(),
                row.answeredAt(), row.responseTouchpointId());
    }

    public Optional<InvitationRow> invitationByTokenHash(String hash) {
        return jdbc.queryOne("select " + INVITATION + " from survey_invitation where token_hash = ?", SurveyRepository::invitation, hash);
    }

    /**
     * Marks the invitation answered if it is still open and unexpired; answers whether this call did it.
     * One statement, so two concurrent answers cannot both succeed.
     */
    public boolean claim(UUID invitationId, OffsetDateTime now) {
        return jdbc.update("update survey_invitation set answered_at = ? where id = ? and answered_at is null and expires_at > ?",
                now, invitationId, now) == 1;
    }

    /**
     * Gives an answer the module of the touchpoint it is about (a CSAT answer about a support ticket counts for
     * support's CSAT); answers about the core's own touchpoints keep the core.
     */
    public void attributeToContextModule(UUID answerId, UUID contextTouchpointId) {
        jdbc.update("update touchpoint set module = (select c.module from touchpoint c where c.id = ?) where id = ?"
                + " and exists (select 1 from touchpoint c where c.id = ? and c.module <> 'core')", contextTouchpointId, answerId, contextTouchpointId);
    }

    /** The newest survey of a kind that is not deleted. */
    public Optional<SurveyRow> newestOfKind(String kind) {
        return jdbc.queryOne("select " + SURVEY + " from survey where deleted_at is null and kind = ? order by created_at desc, id desc limit 1",
                SurveyRepository::survey, kind);
    }

    public void linkResponse(UUID invitationId, UUID touchpointId) {
        jdbc.update("update survey_invitation set response_touchpoint_id = ? where id = ?", touchpointId, invitationId);
    }

    public boolean touchpointExists(UUID touchpointId) {
        return jdbc.queryOne("select 1 from touchpoint where id = ?", row -> 1, touchpointId).isPresent();
    }

    /** Every invitation sent to one of the customers, oldest first (for the data-subject export). */
    public List<InvitationRow> invitationsOfCustomers(Collection<UUID> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        return jdbc.query("select " + INVITATION + " from survey_invitation where customer_id in (" + Jdbc.markers(customerIds.size())
                + ") order by created_at, id", SurveyRepository::invitation, customerIds.toArray());
    }

        /** How many invitations a survey has sent and how many were answered. */
    public long[] invitationCounts(UUID surveyId) {
        return jdbc.queryOne("select count(*), count(answered_at) from survey_invitation where survey_id = ?",
                row -> new long[] { row.getLong(1), row.getLong(2) }, surveyId).orElse(new long[] { 0, 0 });
    }

    private static final String ANSWERS = " from survey_invitation i join touchpoint t on t.id = i.response_touchpoint_id"
            + " join profile p on p.id = t.profile_id where i.survey_id = ?";

    /** Answers to a survey, newest first, with the customer each touchpoint belongs to now. */
    public List<AnswerRow> answers(UUID surveyId, Cursor before, int limit) {
        StringBuilder sql = new StringBuilder("select t.id, p.customer_id, t.score, t.payload, t.occurred_at" + ANSWERS);
        List<Object> params = new ArrayList<>(List.of(surveyId));
        Cursor.appendBefore(before, "t.occurred_at", "t.id", sql, params);
        sql.append(" order by t.occurred_at desc, t.id desc limit ?");
        params.add(limit);
        return jdbc.query(sql.toString(), row -> new AnswerRow(uuid(row, "id"), uuid(row, "customer_id"), row.getBigDecimal("score"),
                row.getString("payload"), time(row, "occurred_at")), params.toArray());
    }

    /** Hands every answer's score and time to the consumer, row by row, so a large survey is read in constant memory. */
    public void eachAnswerScore(UUID surveyId, BiConsumer<BigDecimal, OffsetDateTime> consumer) {
        jdbc.withConnection(connection -> {
            try (PreparedStatement statement = connection.prepareStatement("select t.score, t.occurred_at" + ANSWERS)) {
                statement.setFetchSize(1000);
                Jdbc.bind(statement, surveyId);
                try (ResultSet row = statement.executeQuery()) {
                    while (row.next()) {
                        consumer.accept(row.getBigDecimal("score"), time(row, "occurred_at"));
                    }
                }
            }
            return null;
        });
    }

    private static SurveyRow survey(ResultSet row) throws SQLException {
        return new SurveyRow(uuid(row, "id"), row.getString("name"), SurveyKind.fromWire(row.getString("kind")).orElseThrow(),
                row.getString("question"), row.getString("comment_question"), row.getInt("valid_days"), time(row, "created_at"),
                time(row, "updated_at"), time(row, "deleted_at"));
    }

    private static InvitationRow invitation(ResultSet row) throws SQLException {
        return new InvitationRow(uuid(row, "id"), uuid(row, "survey_id"), uuid(row, "customer_id"), row.getString("token_hash"),
                uuid(row, "context_touchpoint_id"), row.getString("created_by"), time(row, "created_at"), time(row, "expires_at"),
                time(row, "answered_at"), uuid(row, "response_touchpoint_id"));
    }
}
