package dev.kreis.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which HTML entry serves a page address. */
class SinglePageRoutesTest {

    @Test
    void theSurveyAnswerPageIsServedByItsOwnEntry() {
        assertEquals("/answer.html", SinglePageRoutes.entryFor("/answer/abc-123"));
    }

    @Test
    void everyOtherPageIsServedByTheApp() {
        assertEquals("/", SinglePageRoutes.entryFor("/customers/42"));
        assertEquals("/", SinglePageRoutes.entryFor("/support/tickets"));
        assertEquals("/", SinglePageRoutes.entryFor("/answers"));
    }

    @Test
    void aKpiKeyWithADotIsAPageAddressNotAFile() {
        assertFalse(SinglePageRoutes.isFile("/kpis/support.csat"));
        assertFalse(SinglePageRoutes.isFile("/kpis/nps"));
    }

    @Test
    void theBuildsFilesAreLeftToTheStaticHandler() {
        assertTrue(SinglePageRoutes.isFile("/assets/index-3f2a.js"));
        assertTrue(SinglePageRoutes.isFile("/assets/index-3f2a.CSS"));
        assertTrue(SinglePageRoutes.isFile("/favicon.ico"));
        assertTrue(SinglePageRoutes.isFile("/answer.html"));
    }

    /** Found by the Keycloak suite's browser run: Chromium asks for text/html, and got the app instead of the redirect to Keycloak. */
    @Test
    void theKeycloakSignInAndSignOutAreTheServersNotTheApps() {
        assertTrue(SinglePageRoutes.isServerPath("/auth/keycloak/sign-in"));
        assertTrue(SinglePageRoutes.isServerPath("/auth/keycloak/sign-out"));
        assertTrue(SinglePageRoutes.isServerPath("/auth/options"));
        assertTrue(SinglePageRoutes.isServerPath("/api/v1/me"));
        assertFalse(SinglePageRoutes.isServerPath("/customers"));
        assertFalse(SinglePageRoutes.isServerPath("/login"));
        assertFalse(SinglePageRoutes.isServerPath("/authors"));
    }
}
