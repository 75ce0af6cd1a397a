package dev.kreis.platform.security;

import static dev.kreis.platform.security.Role.ADMIN;
import static dev.kreis.platform.security.Role.CX_MANAGER;
import static dev.kreis.platform.security.Role.INTEGRATION;
import static dev.kreis.platform.security.Role.MARKETING;
import static dev.kreis.platform.security.Role.SALES;
import static dev.kreis.platform.security.Role.SUPPORT;
import static dev.kreis.platform.security.Role.VIEWER;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * The permission matrix: for each capability, which roles may read it and which may write it. This enum
 * is the single source of the matrix; docs/security.md and the shipped Keycloak realm are checked
 * against it by tests. Endpoints name a capability and access with
 * {@code @PermissionsAllowed(Permissions.X)}.
 */
public enum Capability {
    /** Customers, golden records, profiles, search, timelines and identity history. */
    CUSTOMER_RECORD("customer-record",
            EnumSet.of(ADMIN, CX_MANAGER, MARKETING, SALES, SUPPORT, VIEWER, INTEGRATION),
            EnumSet.of(ADMIN, CX_MANAGER, MARKETING, SALES, SUPPORT, INTEGRATION)),
    /** Touchpoint ingestion and the touchpoint type registry. */
    TOUCHPOINTS("touchpoints",
            EnumSet.of(ADMIN, CX_MANAGER, MARKETING, SALES, SUPPORT, VIEWER, INTEGRATION),
            EnumSet.of(ADMIN, CX_MANAGER, MARKETING, SALES, SUPPORT, INTEGRATION)),
    /** Merge suggestions, manual merges and splits. */
    IDENTITY_RESOLUTION("identity-resolution",
            EnumSet.of(ADMIN, CX_MANAGER, MARKETING, SALES, SUPPORT, VIEWER),
            EnumSet.of(ADMIN, CX_MANAGER)),
    /** The survivorship policies that derive golden attributes. */
    SURVIVORSHIP("survivorship",
            EnumSet.of(ADMIN, CX_MANAGER, MARKETING, SALES, SUPPORT, VIEWER),
            EnumSet.of(ADMIN, CX_MANAGER)),
    /** Feedback surveys (NPS, CSAT, CES) and invitations to answer them. */
    FEEDBACK("feedback",
            EnumSet.of(ADMIN, CX_MANAGER, MARKETING, SALES, SUPPORT, VIEWER, INTEGRATION),
            EnumSet.of(ADMIN, CX_MANAGER, MARKETING, SALES, SUPPORT, INTEGRATION)),
    /** Shared KPIs, their series, targets, funnels and scorecards; targets are the CX team's to set. */
    KPIS("kpis",
            EnumSet.of(ADMIN, CX_MANAGER, MARKETING, SALES, SUPPORT, VIEWER),
            EnumSet.of(ADMIN, CX_MANAGER)),
    /** Proactive signal rules: which touchpoints open follow-up tasks, tag customers or raise events. */
    SIGNALS("signals",
            EnumSet.of(ADMIN, CX_MANAGER, MARKETING, SALES, SUPPORT, VIEWER),
            EnumSet.of(ADMIN, CX_MANAGER)),
    /** Follow-up tasks for departments; a department changes its own tasks (admins and the CX team any). */
    TASKS("tasks",
            EnumSet.of(ADMIN, CX_MANAGER, MARKETING, SALES, SUPPORT, VIEWER),
            EnumSet.of(ADMIN, CX_MANAGER, MARKETING, SALES, SUPPORT)),
    /** Consent per purpose and channel. */
    CONSENTS("consents",
            EnumSet.of(ADMIN, CX_MANAGER, MARKETING, SALES, SUPPORT, VIEWER, INTEGRATION),
            EnumSet.of(ADMIN, CX_MANAGER, MARKETING, SALES, SUPPORT, INTEGRATION)),
    /** Data-subject rights: export (read) and erasure (write). */
    PRIVACY("privacy",
            EnumSet.of(ADMIN, CX_MANAGER),
            EnumSet.of(ADMIN, CX_MANAGER)),
    /** The audit log; nobody writes it through the API. */
    AUDIT("audit",
            EnumSet.of(ADMIN, CX_MANAGER),
            EnumSet.noneOf(Role.class)),
    /** Local user accounts. */
    USERS("users",
            EnumSet.of(ADMIN),
            EnumSet.of(ADMIN)),
    /** API tokens for machines and scripts. */
    TOKENS("tokens",
            EnumSet.of(ADMIN),
            EnumSet.of(ADMIN)),
    /** The module registry: installing, enabling, configuring and uninstalling modules, uploading declarative ones. */
    MODULES("modules",
            EnumSet.of(ADMIN),
            EnumSet.of(ADMIN)),
    /** Bulk CSV imports of profiles and touchpoints, their progress, error reports and saved mappings. */
    IMPORTS("imports",
            EnumSet.of(ADMIN, CX_MANAGER, INTEGRATION),
            EnumSet.of(ADMIN, CX_MANAGER, INTEGRATION)),
    /** Connections to external CRMs: their settings and credentials, runs, dead letters and connection tests. */
    CONNECTIONS("connections",
            EnumSet.of(ADMIN),
            EnumSet.of(ADMIN)),
    /** Starting a sync run of a connection (machines may trigger it after their own changes); nothing to read. */
    SYNC("sync",
            EnumSet.noneOf(Role.class),
            EnumSet.of(ADMIN, INTEGRATION));

    private final String key;
    private final Set<Role> readers;
    private final Set<Role> writers;

    Capability(String key, Set<Role> readers, Set<Role> writers) {
        this.key = key;
        this.readers = readers;
        this.writers = writers;
    }

    public String key() {
        return key;
    }

    /** The roles that hold the given access to this capability. */
    public Set<Role> roles(Access access) {
        return access == Access.READ ? readers : writers;
    }

    public boolean allows(Role role, Access access) {
        return roles(access).contains(role);
    }

    /** The permission name an endpoint declares for this capability and access, e.g. {@code customer-record:read}. */
    public String permission(Access access) {
        return key + ":" + access.key();
    }

    /** Every permission the given roles hold together, as {@code capability:access} names. */
    public static Set<String> permissionsOf(Set<Role> roles) {
        Set<String> granted = new java.util.TreeSet<>();
        for (Capability capability : values()) {
            for (Access access : Access.values()) {
                if (roles.stream().anyMatch(role -> capability.allows(role, access))) {
                    granted.add(capability.permission(access));
                }
            }
        }
        return granted;
    }

    public static Optional<Capability> of(String key) {
        return Arrays.stream(values()).filter(capability -> capability.key.equals(key)).findFirst();
    }
}
