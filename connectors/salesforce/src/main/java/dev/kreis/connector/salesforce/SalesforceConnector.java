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
 * contact's account exists when the contact arrives. Settings: {@code apiVersion} (default
 * {@value SalesforceHttp#DEFAULT_API_VERSION}), {@code erasureMode} ({@code delete} or {@code anonymise}).
 */
@ApplicationScoped
public class SalesforceConnector implements Connector {
    static final String ID = "salesforce";
    static final String CONTACT = "Contact";
    static final String ACCOUNT = "Account";
    static final String CUSTOMER_ID_FIELD = "Kreis_Customer_Id__c";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "Salesforce", URI.create("https://login.salesforce.com"),
            List.of(
                    new CrmObject(ACCOUNT, CrmObject.Becomes.ORGANISATION, List.of(
                            CrmField.of("Name", "name", true),
                            CrmField.of("Website", "website", true),
                            CrmField.of("BillingCity", "city", true),
                            CrmField.of("BillingCountry", "country", true)),
                            List.of(CrmField.of(CUSTOMER_ID_FIELD, "kreis.customerId", true))),
                    new CrmObject(CONTACT, CrmObject.Becomes.PERSON, List.of(
                            CrmField.identifier("Email", "email", "email", true),
                            CrmField.identifier("Phone", "phone", "phone", true),
                            CrmField.of("FirstName", "firstName", true),
                            CrmField.of("LastName", "lastName", true),
                            CrmField.of("Title", "jobTitle", true),
                            CrmField.of("MailingCity", "city", true),
                            CrmField.of("MailingCountry", "country", true)),
                            List.of(CrmField.of(CUSTOMER_ID_FIELD, "kreis.customerId", true)))),
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
