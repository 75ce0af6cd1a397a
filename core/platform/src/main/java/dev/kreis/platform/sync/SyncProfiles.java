package dev.kreis.platform.sync;

import java.util.List;

import dev.kreis.platform.identity.ProfileResult;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.identity.api.IdentifierRequest;

/**
 * Where the engine writes the profiles of CRM records: the one door between sync and identity
 * resolution, so a batched path can replace the single-profile one without touching the engine.
 */
public interface SyncProfiles {

    /**
     * Stores the profile and resolves its customer (e-mail and phone join the customer they belong to),
     * refusing profiles of erased persons like every other source.
     *
     * @param identifiers the identifiers as received, for the suppression check's field names
     */
    ProfileResult upsert(ProfileSubmission submission, List<IdentifierRequest> identifiers, String actor);
}
