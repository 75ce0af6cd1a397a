package dev.kreis.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
