/**
 * The HubSpot connector: contacts ↔ person profiles, companies ↔ organisation profiles, over HubSpot's CRM
 * v3 API (https://developers.hubspot.com/docs/api/crm/understanding-the-crm). Private-app tokens or OAuth
 * with refresh; webhooks verified with signature v3. Depends on {@code kreis-spi} only.
 */
package dev.kreis.connector.hubspot;
