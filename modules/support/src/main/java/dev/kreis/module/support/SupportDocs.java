package dev.kreis.module.support;

/** Texts and examples the support API's document repeats; constants because annotations need them. */
final class SupportDocs {
    static final String MALFORMED = "Malformed: an id that is not a UUID, a bad query parameter, a body that is not a JSON object or missing.";
    static final String UNAUTHENTICATED = "No valid credentials.";
    static final String FORBIDDEN = "The caller's roles do not grant this permission.";
    static final String NOT_FOUND = "No such ticket or SLA policy, or the support module is not installed (the problem's detail says which).";
    static final String INVALID = "A field is unknown, has the wrong type or breaks a rule; errors[] names every such field.";
    static final String CONFLICT = "The ticket's status does not allow this (e.g. a resolved ticket must be reopened first), or the "
            + "ticket comes from a CRM and is worked there.";
    static final String TICKET_ID = "The ticket's id.";
    static final String LIMIT = "Items per page, 1 to 200 (default 50).";
    static final String CURSOR = "The nextCursor of the previous page; absent for the first page.";
    static final String NEXT_CURSOR = "Cursor of the next page; null on the last page.";

    static final String OPEN_EXAMPLE = """
            {"customerId": "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01", "subject": "Invoice shows two seats", \
            "description": "The March invoice lists two seats, we have one.", "channel": "email", "priority": "high"}""";
    static final String TICKET_EXAMPLE = """
            {"id": "0d6c9f0a-3b1e-4c55-9a62-6f4f3e2b7c11", "customerId": "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01", \
            "subject": "Invoice shows two seats", "description": "The March invoice lists two seats, we have one.", "channel": "email", \
            "priority": "high", "proactive": false, "status": "open", "contacts": 1, "responses": 0, "openedAt": "2026-01-31T09:30:00Z", \
            "firstRespondedAt": null, "resolvedAt": null, "closedAt": null, "resolutionNote": null, \
            "sla": {"firstResponseDueAt": "2026-01-31T10:30:00Z", "resolutionDueAt": "2026-01-31T17:30:00Z", \
            "firstResponseBreached": false, "resolutionBreached": false}, "csatInvitationId": null, "cesInvitationId": null, \
            "createdAt": "2026-01-31T09:30:00Z", "updatedAt": "2026-01-31T09:30:00Z"}""";
    static final String PAGE_EXAMPLE = "{\"items\": [" + TICKET_EXAMPLE + "], \"nextCursor\": \"MjAyNi0wMS0zMVQwOTozMDowMFp8MGQ2YzlmMGE\"}";
    static final String HISTORY_EXAMPLE = """
            {"items": [{"seq": 1, "kind": "status", "from": null, "to": "open", "at": "2026-01-31T09:30:00Z", "actor": "anna", \
            "note": null}], "nextCursor": null}""";
    static final String POLICY_EXAMPLE = """
            {"priority": "high", "firstResponseMinutes": 60, "resolutionMinutes": 480, "updatedAt": "2026-01-31T09:30:00Z", \
            "updatedBy": "admin"}""";

    private SupportDocs() {
    }
}
