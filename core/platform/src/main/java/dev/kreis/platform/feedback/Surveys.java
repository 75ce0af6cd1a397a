package dev.kreis.platform.feedback;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.UUID;

import dev.kreis.platform.api.Cursor;
import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.NotFoundProblem;
import dev.kreis.platform.api.Page;
import dev.kreis.platform.feedback.persistence.SurveyRepository;
import dev.kreis.platform.feedback.persistence.SurveyRow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Survey definitions: create, change (not their kind), delete (no new invitations, no more answers). */
@ApplicationScoped
public class Surveys {
    private final SurveyRepository repository;
    private final Clock clock;

    Surveys(SurveyRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Transactional
    public SurveyRow create(SurveyDraft draft) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        SurveyRow row = new SurveyRow(UUID.randomUUID(), draft.name(), draft.kind(), draft.question(), draft.commentQuestion(),
                draft.validDays(), now, now, null);
        repository.insert(row);
        return row;
    }

    public Page<SurveyRow> list(Cursor before, int limit) {
        return Page.of(repository.page(before, limit + 1), limit, row -> Cursor.after(row.createdAt(), row.id()));
    }

    public SurveyRow get(UUID id) {
        return repository.find(id).orElseThrow(() -> new NotFoundProblem("survey", id));
    }

    /** Replaces name, questions and validity; the kind is fixed once answers may exist. */
    @Transactional
    public SurveyRow update(UUID id, SurveyDraft draft) {
        SurveyRow current = get(id);
        if (draft.kind() != current.kind()) {
            throw new InvalidInputException("kind", "cannot change from " + current.kind().wire() + "; create a new survey instead");
        }
        SurveyRow changed = new SurveyRow(id, draft.name(), current.kind(), draft.question(), draft.commentQuestion(),
                draft.validDays(), current.createdAt(), OffsetDateTime.now(clock), null);
        repository.update(changed);
        return changed;
    }

    @Transactional
    public void delete(UUID id) {
        SurveyRow current = get(id);
        OffsetDateTime now = OffsetDateTime.now(clock);
        repository.update(new SurveyRow(id, current.name(), current.kind(), current.question(), current.commentQuestion(),
                current.validDays(), current.createdAt(), now, now));
    }

    /** Invitations sent and answered. */
    public long[] counts(UUID id) {
        return repository.invitationCounts(id);
    }
}
