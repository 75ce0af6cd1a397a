package dev.kreis.connector.hubspot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kreis.spi.connector.ChangePage;
import dev.kreis.spi.connector.ChangeQuery;
import dev.kreis.spi.connector.ConnectionConfig;
import dev.kreis.spi.connector.ConnectorException;
import dev.kreis.spi.connector.ConnectorSession;
import dev.kreis.spi.connector.CrmRecord;
import dev.kreis.spi.connector.ErrorKind;
import dev.kreis.spi.connector.RecordUpsert;
import dev.kreis.spi.connector.WebhookEvent;
import dev.kreis.spi.connector.WebhookRequest;
import dev.kreis.spi.connector.WriteOutcome;

class HubSpotSessionTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-10T10:00:00Z"));
    private final FakeHubSpot fake = FakeHubSpot.start(clock);
    private final HubSpotConnector connector = new HubSpotConnector();

    @AfterEach
    void stop() {
        fake.close();
    }

    private ConnectorSession session(Map<String, String> credentials) {
        return connector.open(new ConnectionConfig(fake.baseUrl(), credentials, Map.of(), clock));
    }

    private ConnectorSession privateApp() {
        return session(Map.of("accessToken", "pat-test", "clientSecret", "secret"));
    }

    /** Every record of a full or incremental read, following the cursors to the end. */
    private static List<CrmRecord> readAll(ConnectorSession session, Optional<Instant> since) {
        List<CrmRecord> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            ChangePage page = session.changes(new ChangeQuery("contacts", since, cursor, 100));
            all.addAll(page.records());
            cursor = page.next();
        } while (cursor.isPresent());
        return all;
    }

    @Test
    void aFullReadPagesWithAfterAndEndsWithTheArchivedRecordsAsDeleted() {
        for (int i = 0; i < 250; i++) {
            fake.add("contacts", Map.of("email", "p" + i + "@example.com"));
        }
        String gone = fake.add("contacts", Map.of("email", "gone@example.com"));
        fake.archive("contacts", gone);

        List<CrmRecord> all = readAll(privateApp(), Optional.empty());

        assertEquals(251, all.size());
        assertEquals(250, new HashSet<>(all.stream().filter(r -> !r.deleted()).map(CrmRecord::id).toList()).size());
        assertTrue(all.stream().anyMatch(r -> r.id().equals(gone) && r.deleted()));
        assertTrue(fake.requests().stream().anyMatch(r -> r.path().contains("after=")), "later pages ask with after");
    }

    @Test
    void anIncrementalReadRestartsItsSearchFromEachPagesNewestModificationSoItNeverPagesByOffsetNorReachesTheCap() {
        for (int i = 0; i < 10_150; i++) {
            fake.add("contacts", Map.of("email", "p" + i + "@example.com"));
            if (i % 50 == 0) {
                clock.advance(Duration.ofMillis(1));
            }
        }

        List<CrmRecord> all = readAll(privateApp(), Optional.of(Instant.parse("2026-01-01T00:00:00Z")));

        Set<String> ids = new HashSet<>();
        all.forEach(r -> ids.add(r.id()));
        assertEquals(10_150, ids.size(), "every record is read despite the cap");
        List<String> searches = fake.requests().stream().filter(r -> r.path().endsWith("/search")).map(r -> r.body()).toList();
        assertTrue(searches.size() > 100, "one search a page: " + searches.size());
        assertTrue(searches.stream().allMatch(body -> body.contains("\"after\":\"0\"")), "no page asked by offset");
    }

    @Test
    void recordsThatShareTheSearchsModificationTimePageByOffset() {
        for (int i = 0; i < 250; i++) {
            fake.add("contacts", Map.of("email", "same" + i + "@example.com"));
        }

        List<CrmRecord> all = readAll(privateApp(), Optional.of(Instant.parse("2026-01-01T00:00:00Z")));

        assertEquals(250, new HashSet<>(all.stream().map(CrmRecord::id).toList()).size());
        assertTrue(fake.requests().stream().anyMatch(r -> r.path().endsWith("/search") && r.body().contains("\"after\":\"200\"")),
                "a page of one modification time goes on by offset");
    }

    @Test
    void aRateLimitIsAQuotaErrorWithTheRetryAfterTheVendorAskedFor() {
        fake.throttle(1, 3);
        ConnectorException withHeader = assertThrows(ConnectorException.class, () -> readAll(privateApp(), Optional.empty()));
        assertEquals(ErrorKind.QUOTA, withHeader.kind());
        assertEquals(Optional.of(Duration.ofSeconds(3)), withHeader.retryAfter());

        fake.throttle(1, null);
        ConnectorException without = assertThrows(ConnectorException.class, () -> readAll(privateApp(), Optional.empty()));
        assertEquals(ErrorKind.QUOTA, without.kind());
        assertEquals(Optional.empty(), without.retryAfter());
    }

    @Test
    void anOAuthTokenIsRefreshedBeforeItExpiresWithoutWaitingForA401() {
        fake.tokenLifetime(120);
        fake.add("contacts", Map.of("email", "a@example.com"));
        ConnectorSession session = session(Map.of("clientId", "client", "clientSecret", "secret", "refreshToken", "refresh-test"));
        readAll(session, Optional.empty());
        clock.advance(Duration.ofSeconds(90));
        readAll(session, Optional.empty());

        assertEquals(2, fake.requests().stream().filter(r -> r.path().equals("/oauth/v1/token")).count(),
                "one token at the start, one before the first expired");
    }

    @Test
    void aRevokedPrivateAppTokenIsAnAuthError() {
        fake.revokePrivateAppToken();
        ConnectorException e = assertThrows(ConnectorException.class, () -> readAll(privateApp(), Optional.empty()));
        assertEquals(ErrorKind.AUTH, e.kind());
    }

    @Test
    void aBatchUpdateReportsEachRecordsOutcomeFromAMultiStatusAnswer() {
        String good = fake.add("contacts", Map.of("email", "good@example.com"));
        String bad = fake.add("contacts", Map.of("email", "bad@example.com"));
        fake.failWritesTo(bad);

        List<WriteOutcome> outcomes = privateApp().write("contacts", List.of(RecordUpsert.update(good, Map.of("firstname", "Gina")),
                RecordUpsert.update(bad, Map.of("firstname", "Bert"))));

        assertTrue(outcomes.get(0).succeeded());
        assertFalse(outcomes.get(1).succeeded());
        assertEquals(ErrorKind.VALIDATION, outcomes.get(1).error().get().kind());
        assertEquals("Gina", fake.record("contacts", good).get().get("firstname"));
    }

    @Test
    void aWebhookWithAValidV3SignatureYieldsItsEvents() {
        String body = "[{\"eventId\":7,\"subscriptionType\":\"contact.propertyChange\",\"objectId\":1234,\"occurredAt\":1768039200000},"
                + "{\"eventId\":8,\"subscriptionType\":\"contact.deletion\",\"objectId\":99,\"occurredAt\":1768039200000}]";
        long timestamp = clock.millis();
        String uri = "https://kreis.example.com/api/v1/connections/x/webhook";

        List<WebhookEvent> events = privateApp().verifyWebhook(request(uri, body, FakeHubSpot.sign("secret", "POST", uri, body, timestamp), timestamp));

        assertEquals(2, events.size());
        assertEquals("1234", events.get(0).recordId());
        assertEquals(WebhookEvent.Kind.DELETED, events.get(1).kind());
    }

    @Test
    void aForgedUnsignedOrStaleWebhookIsRefusedAsAnAuthError() {
        String body = "[{\"eventId\":7,\"subscriptionType\":\"contact.propertyChange\",\"objectId\":1234,\"occurredAt\":1768039200000}]";
        String uri = "https://kreis.example.com/api/v1/connections/x/webhook";
        long now = clock.millis();
        long stale = now - Duration.ofMinutes(6).toMillis();
        ConnectorSession session = privateApp();

        for (WebhookRequest refused : List.of(
                request(uri, body, FakeHubSpot.sign("other-secret", "POST", uri, body, now), now),
                request(uri, body.replace("1234", "1235"), FakeHubSpot.sign("secret", "POST", uri, body, now), now),
                request(uri, body, FakeHubSpot.sign("secret", "POST", uri, body, stale), stale),
                new WebhookRequest("POST", URI.create(uri), Map.of(), body.getBytes(StandardCharsets.UTF_8)))) {
            ConnectorException e = assertThrows(ConnectorException.class, () -> session.verifyWebhook(refused));
            assertEquals(ErrorKind.AUTH, e.kind());
        }
    }

    @Test
    void pushFieldsAreCreatedOnceInAKreisPropertyGroup() {
        ConnectorSession session = privateApp();
        var contacts = connector.descriptor().object("contacts").get();
        session.ensurePushFields(contacts);
        session.ensurePushFields(contacts);
        privateApp().ensurePushFields(contacts);

        assertTrue(fake.properties("contacts").containsAll(Set.of("group:kreis", "kreis_customer_id", "kreis_last_nps", "kreis_last_csat",
                "kreis_journey_phase", "kreis_peak_end_score")));
        assertEquals(1 + contacts.pushFields().size(), fake.writes().stream().filter(r -> r.path().startsWith("/crm/v3/properties")).count());
    }

    @Test
    void dealsAndTicketsComeWithTheirAssociatedContactsAndCompaniesAndContactsWithTheirCompanies() {
        String company = fake.add("companies", Map.of("name", "Acme"));
        String contact = fake.add("contacts", Map.of("email", "a@example.com"));
        String deal = fake.add("deals", Map.of("dealname", "Renewal", "hs_is_closed_won", "true"));
        fake.associate("contacts", contact, "companies", company);
        fake.associate("deals", deal, "contacts", contact);
        fake.associate("deals", deal, "companies", company);
        ConnectorSession session = privateApp();

        CrmRecord read = session.changes(new ChangeQuery("deals", Optional.empty(), Optional.empty(), 100)).records().get(0);
        CrmRecord searched = session.changes(new ChangeQuery("contacts", Optional.of(Instant.EPOCH), Optional.empty(), 100)).records().get(0);

        assertEquals(Map.of("contacts", List.of(contact), "companies", List.of(company)), read.associations());
        assertEquals("Renewal", read.fields().get("dealname"));
        assertEquals(List.of(company), searched.associations().get("companies"), "search answers carry no associations: read through v4");
        assertTrue(fake.requests().stream().noneMatch(r -> r.path().startsWith("/crm/v4/associations/deals/")), "a list answers them itself");
        assertTrue(fake.requests().stream().anyMatch(r -> r.path().equals("/crm/v4/associations/contacts/companies/batch/read")));
    }

    @Test
    void aBatchCreatesNewRecordsBesideUpdatesAndAnswersEachNewIdInOrder() {
        String existing = fake.add("contacts", Map.of("email", "old@example.com"));

        List<WriteOutcome> outcomes = privateApp().write("contacts", List.of(
                new RecordUpsert(Optional.empty(), Map.of("email", "new1@example.com")),
                RecordUpsert.update(existing, Map.of("firstname", "Old")),
                new RecordUpsert(Optional.empty(), Map.of("email", "new2@example.com"))));

        assertTrue(outcomes.stream().allMatch(WriteOutcome::succeeded));
        assertEquals(existing, outcomes.get(1).recordId().get());
        assertEquals("new1@example.com", fake.record("contacts", outcomes.get(0).recordId().get()).get().get("email"));
        assertEquals("new2@example.com", fake.record("contacts", outcomes.get(2).recordId().get()).get().get("email"));
        assertTrue(fake.writes().stream().anyMatch(r -> r.path().endsWith("/batch/create") && r.body().contains("objectWriteTraceId")));
    }

    @Test
    void aMergedContactListsTheMergedIdsAndAMergeWebhookNamesThePrimaryRecord() {
        String primary = fake.add("contacts", Map.of("email", "p@example.com"));
        String merged = fake.add("contacts", Map.of("email", "m@example.com"));
        fake.merge("contacts", primary, merged);
        ConnectorSession session = privateApp();

        assertEquals(List.of(merged), session.read("contacts", List.of(primary)).get(0).mergedFrom());

        String body = "[{\"eventId\":9,\"subscriptionType\":\"contact.merge\",\"objectId\":" + merged + ",\"primaryObjectId\":" + primary
                + ",\"mergedObjectIds\":[" + merged + "],\"occurredAt\":1768039200000}]";
        long timestamp = clock.millis();
        String uri = "https://kreis.example.com/api/v1/connections/x/webhook";
        List<WebhookEvent> events = session.verifyWebhook(request(uri, body, FakeHubSpot.sign("secret", "POST", uri, body, timestamp), timestamp));
        assertEquals(1, events.size());
        assertEquals(primary, events.get(0).recordId());
        assertEquals(WebhookEvent.Kind.MERGED, events.get(0).kind());
    }

    private static WebhookRequest request(String uri, String body, String signature, long timestamp) {
        return new WebhookRequest("POST", URI.create(uri), Map.of("X-HubSpot-Signature-v3", List.of(signature), "X-HubSpot-Request-Timestamp",
                List.of(Long.toString(timestamp))), body.getBytes(StandardCharsets.UTF_8));
    }
}
