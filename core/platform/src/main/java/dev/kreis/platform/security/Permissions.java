package dev.kreis.platform.security;

/**
 * The permission names endpoints declare in {@code @PermissionsAllowed}: {@code <capability>:<access>},
 * as in {@link Capability} and {@link Access}. Constants, because annotation values must be.
 */
public final class Permissions {
    public static final String CUSTOMER_RECORD_READ = "customer-record:read";
    public static final String CUSTOMER_RECORD_WRITE = "customer-record:write";
    public static final String TOUCHPOINTS_READ = "touchpoints:read";
    public static final String TOUCHPOINTS_WRITE = "touchpoints:write";
    public static final String IDENTITY_RESOLUTION_READ = "identity-resolution:read";
    public static final String IDENTITY_RESOLUTION_WRITE = "identity-resolution:write";
    public static final String SURVIVORSHIP_READ = "survivorship:read";
    public static final String SURVIVORSHIP_WRITE = "survivorship:write";
    public static final String FEEDBACK_READ = "feedback:read";
    public static final String FEEDBACK_WRITE = "feedback:write";
    public static final String KPIS_READ = "kpis:read";
    public static final String KPIS_WRITE = "kpis:write";
    public static final String SIGNALS_READ = "signals:read";
    public static final String SIGNALS_WRITE = "signals:write";
    public static final String TASKS_READ = "tasks:read";
    public static final String TASKS_WRITE = "tasks:write";
    public static final String CONSENTS_READ = "consents:read";
    public static final String CONSENTS_WRITE = "consents:write";
    public static final String PRIVACY_READ = "privacy:read";
    public static final String PRIVACY_WRITE = "privacy:write";
    public static final String AUDIT_READ = "audit:read";
    public static final String USERS_READ = "users:read";
    public static final String USERS_WRITE = "users:write";
    public static final String TOKENS_READ = "tokens:read";
    public static final String TOKENS_WRITE = "tokens:write";

    private Permissions() {
    }
    public static final String MODULES_READ = "modules:read";
    public static final String MODULES_WRITE = "modules:write";
    public static final String IMPORTS_READ = "imports:read";
    public static final String IMPORTS_WRITE = "imports:write";
    public static final String CONNECTIONS_READ = "connections:read";
    public static final String CONNECTIONS_WRITE = "connections:write";
    public static final String SYNC_WRITE = "sync:write";
}
