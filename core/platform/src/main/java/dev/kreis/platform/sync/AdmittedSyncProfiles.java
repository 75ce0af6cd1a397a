package dev.kreis.platform.sync;

import java.util.List;
import java.util.Set;

import dev.kreis.platform.identity.ProfileBatchIntake;
import dev.kreis.platform.identity.ProfileResult;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.identity.api.IdentifierRequest;
import dev.kreis.platform.privacy.ProfileAdmission;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@link SyncProfiles} through the platform's intakes: one profile through the admission (one transaction
 * per profile), a page through the batched intake bulk imports use (one transaction per page).
 */
@ApplicationScoped
public class AdmittedSyncProfiles implements SyncProfiles {
    private final ProfileAdmission admission;
    private final ProfileBatchIntake batches;

    AdmittedSyncProfiles(ProfileAdmission admission, ProfileBatchIntake batches) {
        this.admission = admission;
        this.batches = batches;
    }

    @Override
    public ProfileResult upsert(ProfileSubmission submission, List<IdentifierRequest> identifiers, String actor) {
        return admission.admit(submission, identifiers, List.of(), actor);
    }

    @Override
    public Set<Integer> refused(List<ProfileSubmission> submissions, List<List<IdentifierRequest>> identifiers) {
        return admission.refused(submissions, identifiers);
    }

    @Override
    public List<ProfileBatchIntake.Item> upsertAll(List<ProfileSubmission> submissions) {
        return submissions.isEmpty() ? List.of() : batches.submitAll(submissions);
    }
}
