package dev.kreis.app.contract;

import java.util.Set;

/**
 * Module operations whose documents do not match their answers yet: the marketing and sales creates still
 * read their JSON by hand (issue 12's modules part turns them into typed request records) and do not yet
 * document 201 with Location, 409 and 422. Their fixtures run and their failures are printed;
 * {@link ApiContractTest} fails as soon as one of them passes, so the entry is removed then, and the list can
 * only shrink.
 */
final class AwaitingContract {
    static final Set<String> MODULE_OPERATIONS = Set.of(
            "POST /api/v1/marketing/campaigns",
            "POST /api/v1/marketing/form-submissions",
            "POST /api/v1/marketing/web-visits",
            "POST /api/v1/sales/deals",
            "POST /api/v1/sales/leads",
            "POST /api/v1/sales/orders",
            "POST /api/v1/sales/subscriptions");

    private AwaitingContract() {
    }
}
