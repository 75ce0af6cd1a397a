package dev.kreis.connector.salesforce;

import java.net.URI;
import java.util.List;

import dev.kreis.spi.connector.ConnectionConfig;
import dev.kreis.spi.connector.Connector;
import dev.kreis.spi.connector.ConnectorDescriptor;
import dev.kreis.spi.connector.ConnectorSession;
import dev.kreis.spi.connector.CredentialField;
import dev.kreis.spi.connector.CrmField;
import dev.kreis.spi.connector.CrmObject;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Salesforce. Credentials: {@code clientId} and {@code clientSecret} of a connected app (client-credentials
 * flow), plus {@code refreshToken} for the refresh-token flow; the connection's {@code baseUrl} is the login
 * address (e.g. {@code https://login.salesforce.com} or a My Domain). Accounts sync before contacts so a
 * contact's account exists when the contact arrives (its {@code AccountId} makes the person a member of the
 * account's organisation); opportunities and cases after them, as touchpoints on the customer of their
 * {@code ContactId} (else {@code AccountId}). Settings: {@code apiVersion} (default
 * {@value SalesforceHttp#DEFAULT_API_VERSION}), {@code erasureMode} ({@code delete} or {@code anonymise}).
 */
@ApplicationScoped
public class SalesforceConnector implements Connector {
    static final String ID = "salesforce";
    static final String CONTACT = "Contact";
    static final String ACCOUNT = "Account";
    static final String OPPORTUNITY = "Opportunity";
    static final String CASE = "Case";
    static final String CUSTOMER_ID_FIELD = "Kreis_Customer_Id__c";

    /**
     * Kreis's CX fields: custom text fields on Contact and Account, created once through the Tooling API. The
     * customer id field is also the external id new records are upserted on.
     */
    static final List<CrmField> CX_FIELDS = List.of(
            CrmField.of(CUSTOMER_ID_FIELD, "kreis.customerId", true),
            CrmField.of("Kreis_Last_NPS__c", "kreis.lastNps", true),
            CrmField.of("Kreis_Last_CSAT__c", "kreis.lastCsat", true),
            CrmField.of("Kreis_Journey_Phase__c", "kreis.journeyPhase", true),
            CrmField.of("Kreis_Peak_End_Score__c", "kreis.peakEndScore", true));

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Salesforce", URI.create("https://login.salesforce.com"),
            List.of(
                    new CrmObject(ACCOUNT, CrmObject.Becomes.ORGANISATION, List.of(
                            CrmField.of("Name", "name", true),
                            CrmField.of("Website", "website", true),
                            CrmField.of("BillingCity", "city", true),
                            CrmField.of("BillingCountry", "country", true)),
                            CX_FIELDS),
                    new CrmObject(CONTACT, CrmObject.Becomes.PERSON, List.of(
                            CrmField.identifier("Email", "email", "email", true),
                            CrmField.identifier("Phone", "phone", "phone", true),
                            CrmField.of("FirstName", "firstName", true),
                            CrmField.of("LastName", "lastName", true),
                            CrmField.of("Title", "jobTitle", true),
                            CrmField.of("MailingCity", "city", true),
                            CrmField.of("MailingCountry", "country", true)),
                            CX_FIELDS),
                    // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_opportunity.htm
                    new CrmObject(OPPORTUNITY, CrmObject.Becomes.TOUCHPOINT, List.of(
                            CrmField.of("Name", "title", false),
                            CrmField.of("Amount", "amount", false),
                            CrmField.of("StageName", "stage", false),
                            CrmField.of("CreatedDate", "createdAt", false),
                            CrmField.of("CloseDate", "closeDate", false),
                            CrmField.of("IsClosed", "closed", false),
                            CrmField.of("IsWon", "won", false)),
                            List.of()),
                    // https://developer.salesforce.com/docs/atlas.en-us.object_reference.meta/object_reference/sforce_api_objects_case.htm
                    new CrmObject(CASE, CrmObject.Becomes.TOUCHPOINT, List.of(
                            CrmField.of("Subject", "title", false),
                            CrmField.of("Status", "stage", false),
                            CrmField.of("Priority", "priority", false),
                            CrmField.of("CreatedDate", "createdAt", false),
                            CrmField.of("IsClosed", "closed", false),
                            CrmField.of("ClosedDate", "closedAt", false)),
                            List.of())),
            List.of(
                    new CredentialField("clientId", "The connected app's consumer key", "oauth"),
                    new CredentialField("clientSecret", "The connected app's consumer secret", "oauth"),
                    new CredentialField("refreshToken", "An OAuth refresh token; without it the client-credentials flow is used",
                            CredentialField.OPTIONAL)));

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ConnectorSession open(ConnectionConfig config) {
        return new SalesforceSession(new SalesforceHttp(config), config, DESCRIPTOR);
    }
}
