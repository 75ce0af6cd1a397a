package dev.kreis.platform.sync;

import java.util.List;
import java.util.Set;

import dev.kreis.platform.identity.ProfileBatchIntake;
import dev.kreis.platform.identity.ProfileResult;
import dev.kreis.platform.identity.ProfileSubmission;
import dev.kreis.platform.identity.api.IdentifierRequest;

/**
 * Where the engine writes the profiles of CRM records: the one door between sync and identity
 * resolution. A pull writes each page as one batch; a record the batch could not take is written
 * on its own, so its error can be retried and dead-lettered.
 */
public interface SyncProfiles {

    /**
     * Stores the profile and resolves its customer (e-mail and phone join the customer they belong to),
     * refusing profiles of erased persons like every other source.
     *
     * @param identifiers the identifiers as received, for the suppression check's field names
     */
    ProfileResult upsert(ProfileSubmission submission, List<IdentifierRequest> identifiers, String actor);

    /**
     * The positions of the submissions that belong to an erased person (a pull brings no consent that
     * could bring one back), with one look-up for the batch.
     */
    Set<Integer> refused(List<ProfileSubmission> submissions, List<List<IdentifierRequest>> identifiers);

    /**
     * Stores and resolves a batch with the same rules as {@link #upsert}, in one transaction that has
     * committed on return; the outcome at each position is the submission's. The caller has refused the
     * profiles of erased persons before.
     */
    List<ProfileBatchIntake.Item> upsertAll(List<ProfileSubmission> submissions);
}
