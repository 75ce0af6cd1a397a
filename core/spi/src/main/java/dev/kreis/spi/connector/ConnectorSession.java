package dev.kreis.spi.connector;

import java.util.List;

/**
 * The work a connector does for one connection, opened by {@link Connector#open} and closed when the
 * engine's work ends. A session holds the connection's current access token and the last rate-limit state
 * it saw.
 *
 * <p><b>Errors.</b> Every method reports a failure of the vendor or of the network as a
 * {@link ConnectorException} whose {@link ErrorKind} tells the engine what to do: wait and retry,
 * {@link #refresh()} once and retry, back off until the quota resets, or give up on the record (dead
 * letter). The engine owns retries, backoff and jitter; a session sends each request once, except that it
 * refreshes a token it knows to be expired before sending.
 *
 * <p><b>Thread-safety.</b> The engine uses a session from one thread at a time, except
 * {@link #rateLimit()}, which may be read from any thread. Stability: stable.
 */
public interface ConnectorSession extends AutoCloseable {

    /**
     * Gets a new access token (OAuth refresh, client credentials). Called by the engine once after a
     * call failed with {@link ErrorKind#AUTH}; connectors also call it themselves before a token's known
     * expiry. A private-app token that cannot be refreshed makes this a no-op.
     *
     * @throws ConnectorException {@link ErrorKind#AUTH} when the refresh itself is refused
     */
    void refresh();

    /**
     * Which of the given objects the credentials may read and write. Called by
     * {@code POST /api/v1/connections/{id}/test}; sends the cheapest request per object that proves each.
     */
    List<ObjectAccess> test(List<CrmObject> objects);

    /**
     * One page of the records of an object changed at or after the query's watermark (inclusive), oldest
     * first, or of all records when it has none. The page's {@link ChangePage#next()} cursor, passed back
     * in the next query, resumes exactly after this page, also in another process after a crash: it must
     * be a self-contained string of at most 2,000 characters. Records may repeat across pages (the engine
     * deduplicates by record id and modification time).
     */
    ChangePage changes(ChangeQuery query);

    /**
     * The current state of the records with the given ids (at most {@link #maxBatch()}), e.g. after a
     * webhook named them. A record that no longer exists comes back with {@link CrmRecord#deleted()} set
     * when the vendor says so, or is missing from the answer.
     */
    List<CrmRecord> read(String object, List<String> recordIds);

    /**
     * Writes a batch of at most {@link #maxBatch()} upserts keyed on the CRM's record id, and answers one
     * outcome per upsert in the same order. A failure of one record is its outcome; a failure of the whole
     * call is a {@link ConnectorException}.
     */
    List<WriteOutcome> write(String object, List<RecordUpsert> upserts);

    /**
     * Creates, once, the custom fields that receive Kreis's values ({@link CrmObject#pushFields()}); a
     * field that already exists is left as it is. Called before the first push of a run.
     */
    void ensurePushFields(CrmObject object);

    /**
     * Erases a record on the vendor's side because the person was erased in Kreis: the vendor's GDPR
     * delete where it has one, else delete, else anonymise the mapped fields. Answers what was done, for
     * the erasure receipt. A record that does not exist any more counts as erased.
     */
    ErasureOutcome erase(String object, String recordId);

    /**
     * Verifies a webhook request's signature and freshness and parses its events.
     *
     * @throws ConnectorException {@link ErrorKind#AUTH} when the signature is missing or wrong or the
     *         request is too old; {@link ErrorKind#VALIDATION} when the body cannot be parsed
     */
    List<WebhookEvent> verifyWebhook(WebhookRequest request);

    /**
     * The fields of an object's records that record a person's opt-out of a channel, by channel
     * ({@code email}, {@code phone}), as the CRM names them (HubSpot contacts: {@code hs_email_optout};
     * Salesforce Contact: {@code HasOptedOutOfEmail}, {@code DoNotCall}). When consent for a channel is
     * withdrawn in Kreis, the engine writes {@code "true"} to the field with {@link #write}. Empty (the
     * default) when the object has none.
     */
    default java.util.Map<String, String> optOutFields(String object) {
        return java.util.Map.of();
    }

    /** The largest batch {@link #write} and {@link #read} accept (HubSpot 100, Salesforce 200). */
    int maxBatch();

    /** What the vendor's rate-limit headers of the last response said. */
    RateLimitState rateLimit();

    /** Releases the session's resources; never throws. */
    @Override
    void close();
}
