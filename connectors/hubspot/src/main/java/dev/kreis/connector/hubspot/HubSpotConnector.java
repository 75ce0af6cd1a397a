package dev.kreis.connector.hubspot;

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
 * HubSpot. Credentials: {@code accessToken} (+ {@code clientSecret} for webhooks) of a private app, or
 * {@code clientId}, {@code clientSecret} and {@code refreshToken} for OAuth. Companies sync before
 * contacts so a contact's company exists when the contact arrives.
 */
@ApplicationScoped
public class HubSpotConnector implements Connector {
    static final String ID = "hubspot";
    static final String CONTACTS = "contacts";
    static final String COMPANIES = "companies";

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "HubSpot", URI.create("https://api.hubapi.com"),
            List.of(
                    new CrmObject(COMPANIES, CrmObject.Becomes.ORGANISATION, List.of(
                            CrmField.of("name", "name", true),
                            CrmField.of("domain", "domain", true),
                            CrmField.of("city", "city", true),
                            CrmField.of("country", "country", true)),
                            List.of(CrmField.of("kreis_customer_id", "kreis.customerId", true))),
                    new CrmObject(CONTACTS, CrmObject.Becomes.PERSON, List.of(
                            CrmField.identifier("email", "email", "email", true),
                            CrmField.identifier("phone", "phone", "phone", true),
                            CrmField.of("firstname", "firstName", true),
                            CrmField.of("lastname", "lastName", true),
                            CrmField.of("company", "company", true),
                            CrmField.of("jobtitle", "jobTitle", true),
                            CrmField.of("city", "city", true),
                            CrmField.of("country", "country", true)),
                            List.of(CrmField.of("kreis_customer_id", "kreis.customerId", true)))),
            List.of(
                    new CredentialField("accessToken", "A private app's access token", "private-app"),
                    new CredentialField("clientId", "The OAuth app's client id", "oauth"),
                    new CredentialField("clientSecret", "The app's client secret: refreshes OAuth tokens and verifies webhook signatures", "oauth"),
                    new CredentialField("refreshToken", "The OAuth refresh token of the installed app", "oauth")));

    @Override
    public ConnectorDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public ConnectorSession open(ConnectionConfig config) {
        return new HubSpotSession(new HubSpotHttp(config), config, DESCRIPTOR);
    }
}
