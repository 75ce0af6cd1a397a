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
 * contacts so a contact's company exists when the contact arrives; deals and tickets after them, as
 * touchpoints on the customer of their associated contact (else company).
 */
@ApplicationScoped
public class HubSpotConnector implements Connector {
    static final String ID = "hubspot";
    static final String CONTACTS = "contacts";
    static final String COMPANIES = "companies";
    static final String DEALS = "deals";
    static final String TICKETS = "tickets";

    /**
     * Kreis's CX fields, created once in the {@code kreis} property group of contacts and companies: the
     * Kreis customer id, the last NPS and CSAT answers, the journey phase and the peak-end score.
     */
    static final List<CrmField> CX_FIELDS = List.of(
            CrmField.of("kreis_customer_id", "kreis.customerId", true),
            CrmField.of("kreis_last_nps", "kreis.lastNps", true),
            CrmField.of("kreis_last_csat", "kreis.lastCsat", true),
            CrmField.of("kreis_journey_phase", "kreis.journeyPhase", true),
            CrmField.of("kreis_peak_end_score", "kreis.peakEndScore", true));

    private static final ConnectorDescriptor DESCRIPTOR = new ConnectorDescriptor(ID, "HubSpot", URI.create("https://api.hubapi.com"),
            List.of(
                    new CrmObject(COMPANIES, CrmObject.Becomes.ORGANISATION, List.of(
                            CrmField.of("name", "name", true),
                            CrmField.of("domain", "domain", true),
                            CrmField.of("city", "city", true),
                            CrmField.of("country", "country", true)),
                            CX_FIELDS),
                    new CrmObject(CONTACTS, CrmObject.Becomes.PERSON, List.of(
                            CrmField.identifier("email", "email", "email", true),
                            CrmField.identifier("phone", "phone", "phone", true),
                            CrmField.of("firstname", "firstName", true),
                            CrmField.of("lastname", "lastName", true),
                            CrmField.of("company", "company", true),
                            CrmField.of("jobtitle", "jobTitle", true),
                            CrmField.of("city", "city", true),
                            CrmField.of("country", "country", true)),
                            CX_FIELDS),
                    // https://developers.hubspot.com/docs/api/crm/deals: default deal properties
                    new CrmObject(DEALS, CrmObject.Becomes.TOUCHPOINT, List.of(
                            CrmField.of("dealname", "title", false),
                            CrmField.of("amount", "amount", false),
                            CrmField.of("dealstage", "stage", false),
                            CrmField.of("pipeline", "pipeline", false),
                            CrmField.of("createdate", "createdAt", false),
                            CrmField.of("closedate", "closeDate", false),
                            CrmField.of("hs_is_closed", "closed", false),
                            CrmField.of("hs_is_closed_won", "won", false),
                            CrmField.of("closed_won_reason", "wonReason", false),
                            CrmField.of("closed_lost_reason", "lostReason", false)),
                            List.of()),
                    // https://developers.hubspot.com/docs/api/crm/tickets: default ticket properties
                    new CrmObject(TICKETS, CrmObject.Becomes.TOUCHPOINT, List.of(
                            CrmField.of("subject", "title", false),
                            CrmField.of("hs_pipeline_stage", "stage", false),
                            CrmField.of("hs_ticket_priority", "priority", false),
                            CrmField.of("createdate", "createdAt", false),
                            CrmField.of("closed_date", "closedAt", false)),
                            List.of())),
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
