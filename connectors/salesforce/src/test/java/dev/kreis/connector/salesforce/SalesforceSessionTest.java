package dev.kreis.connector.salesforce;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.kreis.spi.connector.ChangePage;
import dev.kreis.spi.connector.ChangeQuery;
import dev.kreis.spi.connector.ConnectionConfig;
import dev.kreis.spi.connector.ConnectorException;
import dev.kreis.spi.connector.ConnectorSession;
import dev.kreis.spi.connector.CrmRecord;
import dev.kreis.spi.connector.ErasureOutcome;
import dev.kreis.spi.connector.ErrorKind;
import dev.kreis.spi.connector.ObjectAccess;
import dev.kreis.spi.connector.RecordUpsert;
import dev.kreis.spi.connector.WriteOutcome;

class SalesforceSessionTest {
    private final MovableClock clock = new MovableClock(Instant.parse("2026-01-10T10:00:00Z"));
    private final FakeSalesforce fake = FakeSalesforce.start(clock);
    private final SalesforceConnector connector = new SalesforceConnector();

    @AfterEach
    void stop() {
        fake.close();
    }

    private ConnectorSession session(Map<String, String> credentials, Map<String, String> settings) {
        return connector.open(new ConnectionConfig(fake.loginUrl(), credentials, settings, clock));
    }

    private ConnectorSession clientCredentials() {
        return session(Map.of("clientId", FakeSalesforce.CLIENT_ID, "clientSecret", FakeSalesforce.CLIENT_SECRET), Map.of());
    }

    private static List<CrmRecord> readAll(ConnectorSession session, Optional<Instant> since) {
        List<CrmRecord> all = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            ChangePage page = session.changes(new ChangeQuery("Contact", since, cursor, 200));
            all.addAll(page.records());
            cursor = page.next();
        } while (cursor.isPresent());
        return all;
    }

    @Test
    void aFullReadFollowsNextRecordsUrlOnTheInstanceAndAnswersDeletedRowsAsDeleted() {
        for (int i = 0; i < 450; i++) {
            fake.add("Contact", Map.of("Email", "p" + i + "@example.com", "LastName", "P" + i));
        }
        String gone = fake.add("Contact", Map.of("Email", "gone@example.com", "LastName", "Gone"));
        fake.delete("Contact", gone);

        List<CrmRecord> all = readAll(clientCredentials(), Optional.empty());

        assertEquals(451, all.size());
        assertEquals(451, new HashSet<>(all.stream().map(CrmRecord::id).toList()).size());
        assertTrue(all.stream().anyMatch(r -> r.id().equals(gone) && r.deleted()));
        assertEquals("p0@example.com", all.get(0).fields().get("Email"));
        assertTrue(fake.requests().stream().anyMatch(r -> r.path().startsWith("/services/data/v60.0/queryAll?q=")));
        assertEquals(2, fake.requests().stream().filter(r -> r.path().startsWith("/services/data/v60.0/query/")).count(), "three pages of 200");
        assertEquals("client_credentials", form(fake.tokenRequests().get(0).body()).get("grant_type"));
    }

    @Test
    void aReadWhoseQueryLocatorExpiredStartsAgainFromTheNewestModificationSeen() {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            ids.add(fake.add("Contact", Map.of("LastName", "L" + i)));
            clock.advance(Duration.ofSeconds(1));
        }
        ConnectorSession session = clientCredentials();
        ChangePage first = session.changes(new ChangeQuery("Contact", Optional.empty(), Optional.empty(), 200));
        fake.expireQueryLocators();

        ChangePage second = session.changes(new ChangeQuery("Contact", Optional.empty(), first.next(), 200));

        assertEquals(ids.subList(0, 200), first.records().stream().map(CrmRecord::id).toList());
        assertEquals(ids.subList(199, 399), second.records().stream().map(CrmRecord::id).toList(), "again from the newest seen (inclusive)");
        assertTrue(fake.requests().stream().anyMatch(r -> decoded(r.path()).contains("WHERE SystemModstamp >= 2026-01-10T10:03:19.000Z")));
        assertEquals(ErrorKind.VALIDATION, assertThrows(ConnectorException.class,
                () -> session.changes(new ChangeQuery("Contact", Optional.empty(), Optional.of("https://elsewhere.example/x"), 200))).kind());
    }

    @Test
    void anIncrementalReadAsksForSystemModstampAtOrAfterTheWatermark() {
        String old = fake.add("Contact", Map.of("LastName", "Old"));
        clock.advance(Duration.ofMinutes(5));
        Instant watermark = clock.instant();
        String fresh = fake.add("Contact", Map.of("LastName", "Fresh"));
        clock.advance(Duration.ofMinutes(1));
        fake.change("Contact", old, Map.of("LastName", "Changed"));

        List<CrmRecord> changed = readAll(clientCredentials(), Optional.of(watermark));

        assertEquals(List.of(fresh, old), changed.stream().map(CrmRecord::id).toList(), "oldest modification first");
        assertEquals(watermark, changed.get(0).modifiedAt());
        assertTrue(fake.requests().stream().anyMatch(r -> decoded(r.path()).contains("WHERE SystemModstamp >= 2026-01-10T10:05:00.000Z")));
    }

    @Test
    void theApiVersionIsASettingAndAMalformedOneIsRefused() {
        fake.add("Contact", Map.of("LastName", "V"));
        ConnectorSession session = session(Map.of("clientId", FakeSalesforce.CLIENT_ID, "clientSecret", FakeSalesforce.CLIENT_SECRET),
                Map.of("apiVersion", "58.0"));

        session.changes(new ChangeQuery("Contact", Optional.empty(), Optional.empty(), 200));

        assertTrue(fake.requests().stream().anyMatch(r -> r.path().startsWith("/services/data/v58.0/queryAll")));
        ConnectorException refused = assertThrows(ConnectorException.class,
                () -> session(Map.of("clientId", "a", "clientSecret", "b"), Map.of("apiVersion", "latest")));
        assertEquals(ErrorKind.VALIDATION, refused.kind());
    }

    @Test
    void anExpiredSessionIsAnAuthFailureAndARefreshWithTheRefreshTokenRecoversIt() {
        fake.add("Contact", Map.of("LastName", "R"));
        ConnectorSession session = session(Map.of("clientId", FakeSalesforce.CLIENT_ID, "clientSecret", FakeSalesforce.CLIENT_SECRET,
                "refreshToken", FakeSalesforce.REFRESH_TOKEN), Map.of());
        session.changes(new ChangeQuery("Contact", Optional.empty(), Optional.empty(), 200));
        fake.expireSessions();

        ConnectorException expired = assertThrows(ConnectorException.class,
                () -> session.changes(new ChangeQuery("Contact", Optional.empty(), Optional.empty(), 200)));
        session.refresh();
        ChangePage page = session.changes(new ChangeQuery("Contact", Optional.empty(), Optional.empty(), 200));

        assertEquals(ErrorKind.AUTH, expired.kind());
        assertTrue(expired.getMessage().contains("INVALID_SESSION_ID"), expired.getMessage());
        assertEquals(1, page.records().size());
        assertEquals(2, fake.tokenRequests().size());
        assertTrue(fake.tokenRequests().stream().allMatch(r -> form(r.body()).get("grant_type").equals("refresh_token")));
    }

    @Test
    void aRefusedRefreshTokenIsAnAuthFailureWithoutTheSecretInTheMessage() {
        ConnectorSession session = session(Map.of("clientId", FakeSalesforce.CLIENT_ID, "clientSecret", FakeSalesforce.CLIENT_SECRET,
                "refreshToken", "revoked-token"), Map.of());

        ConnectorException refused = assertThrows(ConnectorException.class, session::refresh);

        assertEquals(ErrorKind.AUTH, refused.kind());
        assertTrue(refused.getMessage().contains("invalid_grant"));
        assertFalse(refused.getMessage().contains("revoked-token") || refused.getMessage().contains(FakeSalesforce.CLIENT_SECRET));
    }

    @Test
    void aBatchWriteUsesSObjectCollectionsAndAnswersEachRecordsErrorArrayAsItsOutcome() {
        ConnectorSession session = clientCredentials();
        String ok = fake.add("Contact", Map.of("LastName", "Ok"));
        String failing = fake.add("Contact", Map.of("LastName", "Failing"));
        String gone = fake.add("Contact", Map.of("LastName", "Gone"));
        fake.delete("Contact", gone);
        fake.failWritesTo(failing);

        List<WriteOutcome> outcomes = session.write("Contact", List.of(RecordUpsert.update(ok, Map.of("Title", "CEO", "Phone", "")),
                RecordUpsert.update(failing, Map.of("Title", "CTO")), RecordUpsert.update(gone, Map.of("Title", "CFO"))));

        assertTrue(outcomes.get(0).succeeded());
        assertEquals(ErrorKind.VALIDATION, outcomes.get(1).error().get().kind());
        assertTrue(outcomes.get(1).error().get().getMessage().contains("FIELD_CUSTOM_VALIDATION_EXCEPTION"));
        assertTrue(outcomes.get(1).error().get().getMessage().contains("Email"), "names the fields");
        assertTrue(outcomes.get(2).error().get().getMessage().contains("ENTITY_IS_DELETED"));
        assertEquals("CEO", fake.record("Contact", ok).get().get("Title"));
        assertEquals("Failing", fake.record("Contact", failing).get().get("LastName"));
        FakeSalesforce.Request write = fake.writes().get(0);
        assertEquals("PATCH", write.method());
        assertEquals("/services/data/v60.0/composite/sobjects", write.path());
        assertTrue(write.body().contains("\"allOrNone\":false") && write.body().contains("\"Phone\":null"), write.body());
        assertEquals(200, session.maxBatch());
        assertThrows(IllegalArgumentException.class, () -> session.write("Contact",
                java.util.stream.IntStream.range(0, 201).mapToObj(i -> RecordUpsert.update(ok, Map.of("Title", "x"))).toList()));
    }

    @Test
    void anUpsertMatchingSeveralRecordsByExternalIdIsAConflict() {
        ConnectorSession session = clientCredentials();
        session.ensurePushFields(connector.descriptor().object("Contact").get());
        fake.add("Contact", Map.of("LastName", "One", SalesforceConnector.CUSTOMER_ID_FIELD, "c-1"));
        fake.add("Contact", Map.of("LastName", "Two", SalesforceConnector.CUSTOMER_ID_FIELD, "c-1"));

        List<WriteOutcome> outcomes = session.write("Contact", List.of(new RecordUpsert(Optional.empty(),
                Map.of(SalesforceConnector.CUSTOMER_ID_FIELD, "c-1", "Title", "x")), new RecordUpsert(Optional.empty(),
                Map.of(SalesforceConnector.CUSTOMER_ID_FIELD, "c-2", "LastName", "New"))));

        assertEquals(ErrorKind.CONFLICT, outcomes.get(0).error().get().kind());
        assertTrue(outcomes.get(0).error().get().getMessage().contains("300"), outcomes.get(0).error().get().getMessage());
        assertTrue(outcomes.get(1).succeeded());
        assertEquals("New", fake.record("Contact", outcomes.get(1).recordId().get()).get().get("LastName"));
    }

    @Test
    void thePushFieldsAreCreatedOnceThroughTheToolingApi() {
        ConnectorSession first = clientCredentials();
        first.ensurePushFields(connector.descriptor().object("Contact").get());
        first.ensurePushFields(connector.descriptor().object("Contact").get());
        clientCredentials().ensurePushFields(connector.descriptor().object("Contact").get());

        assertEquals(java.util.Set.of(SalesforceConnector.CUSTOMER_ID_FIELD, "Kreis_Last_NPS__c", "Kreis_Last_CSAT__c", "Kreis_Journey_Phase__c",
                "Kreis_Peak_End_Score__c"), fake.customFields("Contact"));
        assertEquals(SalesforceConnector.CX_FIELDS.size(), fake.writes().stream().filter(r -> r.path().endsWith("/tooling/sobjects/CustomField")).count());
    }

    @Test
    void erasureDeletesTheRecordByDefaultAndAnswersAbsentForAMissingOne() {
        ConnectorSession session = clientCredentials();
        String id = fake.add("Contact", Map.of("LastName", "Erase", "Email", "e@example.com"));

        ErasureOutcome erased = session.erase("Contact", id);
        ErasureOutcome again = session.erase("Contact", id);

        assertEquals("deleted", erased.action());
        assertTrue(fake.deleted("Contact", id));
        assertEquals("absent", again.action());
        assertTrue(fake.writes().stream().anyMatch(r -> r.method().equals("DELETE") && r.path().endsWith("/sobjects/Contact/" + id)));
    }

    @Test
    void erasureWithAnonymiseBlanksTheMappedFieldsAndKeepsTheRecord() {
        ConnectorSession session = session(Map.of("clientId", FakeSalesforce.CLIENT_ID, "clientSecret", FakeSalesforce.CLIENT_SECRET),
                Map.of("erasureMode", "anonymise"));
        String id = fake.add("Contact", Map.of("LastName", "Erase", "FirstName", "Eve", "Email", "e@example.com"));

        ErasureOutcome outcome = session.erase("Contact", id);

        assertEquals("anonymised", outcome.action());
        assertFalse(fake.deleted("Contact", id));
        assertEquals(Map.of("LastName", SalesforceSession.ANONYMISED), fake.record("Contact", id).get());
    }

    @Test
    void theSforceLimitInfoHeaderIsTheRateLimitState() {
        fake.apiLimit(3);
        ConnectorSession session = clientCredentials();
        for (int i = 0; i < 3; i++) {
            session.changes(new ChangeQuery("Contact", Optional.empty(), Optional.empty(), 200));
        }

        assertEquals(0, session.rateLimit().remaining().getAsLong());
        assertEquals(3, session.rateLimit().limit().getAsLong());
        assertTrue(session.rateLimit().exhausted());
        assertTrue(session.rateLimit().resetAt().isPresent());
    }

    @Test
    void theTestAnswersFromTheObjectsDescribe() {
        List<ObjectAccess> access = clientCredentials().test(connector.descriptor().objects());

        assertEquals(List.of("Account", "Contact", "Opportunity", "Case"), access.stream().map(ObjectAccess::object).toList());
        assertTrue(access.stream().allMatch(a -> a.readable() && a.writable()));
    }

    @Test
    void aReadByIdsAnswersCurrentAndDeletedRecordsAndRefusesMalformedIds() {
        ConnectorSession session = clientCredentials();
        String live = fake.add("Account", Map.of("Name", "Acme"));
        String gone = fake.add("Account", Map.of("Name", "Gone"));
        fake.delete("Account", gone);

        List<CrmRecord> read = session.read("Account", List.of(live, gone));

        assertEquals(Map.of(live, false, gone, true), read.stream().collect(java.util.stream.Collectors.toMap(CrmRecord::id, CrmRecord::deleted)));
        assertEquals(ErrorKind.VALIDATION, assertThrows(ConnectorException.class, () -> session.read("Account", List.of("x' OR Name != '"))).kind());
    }

    private static String decoded(String path) {
        return java.net.URLDecoder.decode(path, java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            form.put(kv[0], kv.length > 1 ? decoded(kv[1]) : "");
        }
        return form;
    }
}
