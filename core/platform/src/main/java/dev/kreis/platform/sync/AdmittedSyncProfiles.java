package dev.kreis.platform.sync;

import java.util.List;

import dev.kreis.platform.identity.ProfileResult;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.identity.api.IdentifierRequest;
import dev.kreis.platform.privacy.ProfileAdmission;
import jakarta.enterprise.context.ApplicationScoped;

/** {@link SyncProfiles} through the platform's single-profile intake, one transaction per profile. */
@ApplicationScoped
public class AdmittedSyncProfiles implements SyncProfiles {
    private final ProfileAdmission admission;

    AdmittedSyncProfiles(ProfileAdmission admission) {
        this.admission = admission;
    }

    @Override
    public ProfileResult upsert(ProfileSubmission submission, List<IdentifierRequest> identifiers, String actor) {
        return admission.admit(submission, identifiers, List.of(), actor);
    }
}
