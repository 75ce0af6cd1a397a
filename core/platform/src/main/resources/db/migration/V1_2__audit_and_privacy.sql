-- Audit log, consent, erasure and the suppression list. Written for PostgreSQL and for H2 in
-- PostgreSQL mode alike.

-- Append-only: the code has no update or delete path for these rows, except erasure, which replaces a
-- data subject's personal values inside before/after with a placeholder.
create table audit_entry (
    id              uuid primary key,
    occurred_at     timestamp with time zone not null,
    actor           varchar(255) not null,
    action          varchar(100) not null,
    target_type     varchar(64)  not null,
    target_id       varchar(255) null,
    before_state    text         null,
    after_state     text         null
);
create index audit_entry_time on audit_entry (occurred_at desc, id desc);
create index audit_entry_actor on audit_entry (actor, occurred_at desc, id desc);
create index audit_entry_action on audit_entry (action, occurred_at desc, id desc);

-- The customers an entry concerns, so an export or an erasure finds the entries about a customer.
create table audit_entry_customer (
    customer_id     uuid         not null,
    entry_id        uuid         not null references audit_entry (id),
    primary key (customer_id, entry_id)
);

-- A consent decision, stored on every profile the customer had when it was made, so the decisions
-- follow merges and splits the way touchpoints do (ADR 0003). One row per profile, purpose and
-- channel: the newest decision; an older one arriving later does not replace it.
create table consent (
    profile_id      uuid         not null references profile (id),
    purpose         varchar(64)  not null,
    channel         varchar(16)  not null,
    status          varchar(16)  not null,
    decided_at      timestamp with time zone not null,
    source          varchar(100) not null,
    recorded_at     timestamp with time zone not null,
    primary key (profile_id, purpose, channel)
);

-- Export and erasure find the merge suggestions of a profile on either side.
create index merge_suggestion_profile_b on merge_suggestion (profile_b);

-- Per-installation secrets, created by the application on first start (the suppression pepper).
create table installation_secret (
    name            varchar(64)  primary key,
    secret          varchar(128) not null,
    created_at      timestamp with time zone not null
);

create table erasure_receipt (
    id              uuid primary key,
    customer_id     uuid         not null references customer (id),
    erased_at       timestamp with time zone not null,
    actor           varchar(255) not null,
    reason          varchar(1024) null,
    profiles        integer      not null,
    identifiers     integer      not null,
    touchpoints     integer      not null,
    suppressed      integer      not null
);

-- Every customer id of an erased cluster (the survivor and the ids merged into it).
create table erased_customer (
    customer_id     uuid         primary key references customer (id),
    receipt_id      uuid         not null references erasure_receipt (id)
);

-- HMAC-SHA-256 (keyed with the installation's pepper) of the normalised identifiers and profile keys
-- of erased persons; profiles and touchpoints carrying one are refused until an explicit consent.
create table suppressed_identifier (
    hash            varchar(64)  primary key,
    receipt_id      uuid         not null references erasure_receipt (id),
    suppressed_at   timestamp with time zone not null
);
