package dev.kreis.app.contract;

import java.util.Set;

/**
 * Module operations whose documents do not match their answers yet: the modules still read their JSON by
 * hand and document neither their statuses (201, 404 when not installed, 409, 422) nor their nullable
 * fields. Issue 12's modules part (typed request records with Bean Validation) fixes them. Their fixtures
 * run and their failures are printed; {@link ApiContractTest} fails as soon as one of them passes, so the
 * entry is removed then, and the list can only shrink.
 */
final class AwaitingContract {
    static final Set<String> MODULE_OPERATIONS = Set.of(
            "DELETE /api/v1/marketing/campaigns/{id}",
            "GET /api/v1/marketing/campaigns/{id}",
            "GET /api/v1/sales/deals/{id}",
            "GET /api/v1/sales/deals/{id}/history",
            "GET /api/v1/sales/leads/{id}",
            "GET /api/v1/sales/orders/{id}",
            "GET /api/v1/sales/subscriptions/{id}",
            "GET /api/v1/support/sla-policies",
            "GET /api/v1/support/tickets",
            "GET /api/v1/support/tickets/{id}",
            "GET /api/v1/support/tickets/{id}/history",
            "PATCH /api/v1/marketing/campaigns/{id}",
            "PATCH /api/v1/sales/deals/{id}",
            "PATCH /api/v1/sales/leads/{id}",
            "PATCH /api/v1/support/tickets/{id}",
            "POST /api/v1/marketing/campaigns",
            "POST /api/v1/marketing/campaigns/{id}/members/refresh",
            "POST /api/v1/marketing/email-events",
            "POST /api/v1/marketing/form-submissions",
            "POST /api/v1/marketing/web-visits",
            "POST /api/v1/sales/deals",
            "POST /api/v1/sales/leads",
            "POST /api/v1/sales/orders",
            "POST /api/v1/sales/subscriptions",
            "POST /api/v1/sales/subscriptions/{id}/cancel",
            "POST /api/v1/sales/subscriptions/{id}/changes",
            "POST /api/v1/support/tickets",
            "POST /api/v1/support/tickets/{id}/contacts",
            "POST /api/v1/support/tickets/{id}/resolve",
            "POST /api/v1/support/tickets/{id}/responses",
            "PUT /api/v1/support/sla-policies/{priority}");

    private AwaitingContract() {
    }
}
