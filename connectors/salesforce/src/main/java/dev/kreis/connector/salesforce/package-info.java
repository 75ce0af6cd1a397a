/**
 * The Salesforce connector: Contact ↔ person profiles, Account ↔ organisation profiles, over Salesforce's
 * REST API (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/intro_rest.htm) with
 * OAuth 2.0 refresh-token or client-credentials flows. Depends on {@code kreis-spi} only.
 */
package dev.kreis.connector.salesforce;
