package dev.kreis.platform.bulk;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.kreis.platform.api.InvalidInputException;
import dev.kreis.platform.api.Problem.FieldError;
import dev.kreis.platform.bulk.ImportRows.Converted;
import dev.kreis.platform.bulk.persistence.ImportRow.Counts;
import dev.kreis.platform.identity.Identifier;
import dev.kreis.platform.identity.ProfileBatchIntake;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.identity.api.ProfileRequest;
import dev.kreis.platform.identity.api.ProfileRequests;
import dev.kreis.platform.privacy.Suppressions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a chunk of profile rows: each is validated exactly as {@code POST /api/v1/profiles} validates its
 * body, refused if it carries an erased person's identifier, and resolved with the others through
 * {@link ProfileBatchIntake}, in the caller's transaction. A row without an external id is keyed by its
 * first identifier (e-mail before phone), so running the file again finds the same profile.
 */
@ApplicationScoped
class ProfileChunks {
    private static final Comparator<Identifier> KEY_ORDER = Comparator.comparing(Identifier::type).thenComparing(Identifier::system)
            .thenComparing(Identifier::value);

    private final ProfileRequests requests;
    private final ProfileBatchIntake intake;
    private final Suppressions suppressions;

    ProfileChunks(ProfileRequests requests, ProfileBatchIntake intake, Suppressions suppressions) {
        this.requests = requests;
        this.intake = intake;
        this.suppressions = suppressions;
    }

    ChunkResult write(List<CsvFile.Row> rows, ImportRows convert) {
        List<RowProblem> problems = new ArrayList<>();
        List<ProfileSubmission> submissions = new ArrayList<>();
        List<CsvFile.Row> accepted = new ArrayList<>();
        Set<Long> rejected = new HashSet<>();
        for (CsvFile.Row row : rows) {
            List<RowProblem> found = new ArrayList<>();
            ProfileSubmission submission = validate(row, convert, found);
            if (submission == null) {
                problems.addAll(found);
                rejected.add(row.number());
            } else {
                submissions.add(submission);
                accepted.add(row);
            }
        }
        refuseErased(submissions, accepted, convert, problems, rejected);
        long created = 0;
        long updated = 0;
        long unchanged = 0;
        List<ProfileBatchIntake.Item> outcomes = intake.submitAllInTransaction(submissions);
        for (int i = 0; i < outcomes.size(); i++) {
            ProfileBatchIntake.Item outcome = outcomes.get(i);
            switch (outcome.outcome()) {
                case CREATED -> created++;
                case UPDATED -> updated++;
                case UNCHANGED -> unchanged++;
                case REJECTED -> {
                    CsvFile.Row row = accepted.get(i);
                    problems.add(new RowProblem(row.number(), row.line(), null, outcome.error(), convert.original(row.record())));
                    rejected.add(row.number());
                }
            }
        }
        return new ChunkResult(new Counts(rows.size(), created, updated, unchanged, rejected.size()), problems);
    }

    private ProfileSubmission validate(CsvFile.Row row, ImportRows convert, List<RowProblem> problems) {
        RowProblem shape = convert.shape(row).orElse(null);
        if (shape != null) {
            problems.add(shape);
            return null;
        }
        Converted<ProfileRequest> converted;
        try {
            converted = convert.profile(row);
        } catch (ImportRows.RowRejected e) {
            problems.add(e.problem());
            return null;
        }
        ProfileRequest request = converted.body();
        boolean keyed = request.externalId() != null;
        if (!keyed && request.identifiers().isEmpty()) {
            problems.add(convert.problem(converted, "externalId", "is required, or an identifier (e-mail, phone) to match the row by"));
            return null;
        }
        ProfileRequest complete = new ProfileRequest(request.source(), keyed ? request.externalId() : "by-identifier", request.kind(),
                request.attributes(), request.identifiers().isEmpty() ? null : request.identifiers(), request.observedAt(), null, null);
        try {
            ProfileSubmission submission = requests.validate(complete);
            if (keyed) {
                return submission;
            }
            Identifier first = submission.identifiers().stream().min(KEY_ORDER).orElseThrow();
            return new ProfileSubmission(submission.source(), first.label(), submission.kind(), submission.attributes(),
                    submission.identifiers(), submission.replaceIdentifiers(), submission.observedAt(), submission.organisationId());
        } catch (InvalidInputException e) {
            for (FieldError error : e.errors()) {
                problems.add(convert.problem(converted, error.field(), error.message()));
            }
            return null;
        }
    }

    private void refuseErased(List<ProfileSubmission> submissions, List<CsvFile.Row> accepted, ImportRows convert,
            List<RowProblem> problems, Set<Long> rejected) {
        Set<Identifier> named = new HashSet<>();
        submissions.forEach(s -> named.addAll(s.identifiers()));
        Set<Identifier> suppressed = suppressions.suppressed(named);
        if (suppressed.isEmpty()) {
            return;
        }
        for (int i = submissions.size() - 1; i >= 0; i--) {
            if (submissions.get(i).identifiers().stream().anyMatch(suppressed::contains)) {
                CsvFile.Row row = accepted.get(i);
                problems.add(new RowProblem(row.number(), row.line(), null, "identifiers: belong to an erased person; a bulk import"
                        + " cannot carry the consent that brings one back", convert.original(row.record())));
                rejected.add(row.number());
                submissions.remove(i);
                accepted.remove(i);
            }
        }
    }
}
