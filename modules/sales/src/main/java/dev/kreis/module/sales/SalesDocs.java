package dev.kreis.module.sales;

/** Texts and examples the sales API's document repeats; constants because annotations need them. */
final class SalesDocs {
    static final String LIMIT = "Items per page, 1 to 200 (default 50).";
    static final String CURSOR = "The nextCursor of the previous page; absent for the first page.";
    static final String CUSTOMER_FILTER = "Only those of this customer.";

    static final String LEAD_EXAMPLE = """
            {"id": "7c0f5a6e-1b2d-4e3f-8a9b-0c1d2e3f4a5b", "customerId": "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01", \
            "email": "lena@example.com", "phone": null, "firstName": "Lena", "lastName": "Lead", "company": "Acme GmbH", "source": "web", \
            "status": "new", "erased": false, "priority": "medium", "priorityReason": "3 web visits in the last 14 days", "webVisits": 3, \
            "createdAt": "2026-01-31T09:30:00Z", "updatedAt": "2026-01-31T09:30:00Z"}""";
    static final String CREATE_LEAD_EXAMPLE = """
            {"email": "lena@example.com", "firstName": "Lena", "lastName": "Lead", "company": "Acme GmbH", "source": "web"}""";
    static final String DEAL_EXAMPLE = """
            {"id": "2f1e0d9c-8b7a-4695-a4b3-c2d1e0f9a8b7", "customerId": "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01", "leadId": null, \
            "name": "Acme renewal 2026", "amount": 12000, "stage": "proposal", "expectedCloseOn": "2026-03-31", \
            "openedAt": "2026-01-31T09:30:00Z", "closedAt": null, "wonReason": null, "lostReason": null, \
            "createdAt": "2026-01-31T09:30:00Z", "updatedAt": "2026-01-31T09:30:00Z", \
            "history": [{"stage": "proposal", "enteredAt": "2026-01-31T09:30:00Z", "changedBy": "sam"}]}""";
    static final String CREATE_DEAL_EXAMPLE = """
            {"customerId": "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01", "name": "Acme renewal 2026", "amount": 12000, "stage": "proposal", \
            "expectedCloseOn": "2026-03-31"}""";
    static final String STAGES_EXAMPLE = """
            {"items": [{"stage": "prospecting", "enteredAt": "2026-01-31T09:30:00Z", "changedBy": "sam"}, \
            {"stage": "proposal", "enteredAt": "2026-02-03T14:00:00Z", "changedBy": "sam"}], "nextCursor": null}""";
    static final String ORDER_EXAMPLE = """
            {"id": "9a8b7c6d-5e4f-4a3b-9c2d-1e0f9a8b7c6d", "externalId": "SO-10023", "customerId": "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01", \
            "amount": 249.90, "orderedAt": "2026-01-31T09:30:00Z", "createdAt": "2026-01-31T09:30:01Z"}""";
    static final String SUBSCRIPTION_EXAMPLE = """
            {"id": "5d4c3b2a-1f0e-4d9c-8b7a-6f5e4d3c2b1a", "customerId": "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01", "plan": "Team", \
            "mrr": 99, "status": "active", "startedAt": "2026-01-01T00:00:00Z", "cancelledAt": null, "cancelReason": null, \
            "createdAt": "2026-01-01T00:00:01Z", "updatedAt": "2026-01-01T00:00:01Z", \
            "history": [{"kind": "started", "mrr": 99, "at": "2026-01-01T00:00:00Z", "reason": null}]}""";
    static final String CREATE_SUBSCRIPTION_EXAMPLE = """
            {"customerId": "4b1e4f4e-8a4e-4d7c-9f8e-2f0b8c1d9a01", "mrr": 99, "startedAt": "2026-01-01T00:00:00Z", "plan": "Team"}""";

    private SalesDocs() {
    }
}
