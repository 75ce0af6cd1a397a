-- Connectors and two-way sync (docs/connectors.md).

-- The per-installation key that encrypts connection credentials (AES-256-GCM), unless
-- kreis.sync.credentials-key supplies one. One row.
create table sync_installation_key (
    id              int          primary key,
    key_value       varchar(64)  not null
);

create table sync_connection (
    id              uuid         primary key,
    connector       varchar(40)  not null,
    name            varchar(200) not null,
    source          varchar(100) not null,
    base_url        varchar(2000) not null,
    credentials     varchar(16000) not null,
    settings        varchar(16000) not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    constraint sync_connection_source unique (source)
);

-- Per connection and object: the committed watermark, and while a pass is under way its page cursor and
-- the newest modification time seen, so a run that stopped resumes at the page after the last checkpoint.
create table sync_cursor (
    connection_id   uuid         not null references sync_connection (id),
    object_name     varchar(100) not null,
    watermark       timestamp with time zone null,
    page_cursor     varchar(2000) null,
    pass_max        timestamp with time zone null,
    last_started_at timestamp with time zone null,
    primary key (connection_id, object_name)
);

create table sync_run (
    id              uuid         primary key,
    connection_id   uuid         not null references sync_connection (id),
    run_trigger     varchar(16)  not null,
    full_resync     boolean      not null,
    status          varchar(16)  not null,
    started_at      timestamp with time zone not null,
    ended_at        timestamp with time zone null,
    read_count      int          not null,
    created_count   int          not null,
    updated_count   int          not null,
    unchanged_count int          not null,
    pushed_count    int          not null,
    failed_count    int          not null,
    dead_count      int          not null,
    last_error      varchar(2000) null
);
create index sync_run_connection on sync_run (connection_id, started_at);

-- At most one run per connection across nodes: the holder renews expires_at while it works.
create table sync_lease (
    connection_id   uuid         primary key references sync_connection (id),
    holder          varchar(100) not null,
    run_id          uuid         null,
    expires_at      timestamp with time zone not null
);

create table sync_dead_letter (
    id              uuid         primary key,
    connection_id   uuid         not null references sync_connection (id),
    object_name     varchar(100) not null,
    record_id       varchar(255) not null,
    direction       varchar(8)   not null,
    payload         varchar(16000) not null,
    error_kind      varchar(16)  not null,
    error           varchar(2000) not null,
    attempts        int          not null,
    created_at      timestamp with time zone not null,
    last_failed_at  timestamp with time zone not null
);
create index sync_dead_letter_connection on sync_dead_letter (connection_id, created_at);

-- The last value Kreis wrote to each CRM field: a push sends only values that differ, and a pulled value
-- equal to it is the echo of Kreis's own write.
create table sync_pushed_value (
    connection_id   uuid         not null references sync_connection (id),
    object_name     varchar(100) not null,
    record_id       varchar(255) not null,
    field           varchar(100) not null,
    field_value     varchar(4096) not null,
    pushed_at       timestamp with time zone not null,
    primary key (connection_id, object_name, record_id, field)
);

-- Field-level conflicts: both sides changed a field; the losing value is kept here with the winner.
create table sync_conflict (
    id              uuid         primary key,
    connection_id   uuid         not null references sync_connection (id),
    object_name     varchar(100) not null,
    record_id       varchar(255) not null,
    profile_id      uuid         null,
    field           varchar(100) not null,
    winner          varchar(8)   not null,
    winning_value   varchar(4096) not null,
    losing_value    varchar(4096) not null,
    policy          varchar(24)  not null,
    decided_at      timestamp with time zone not null
);
create index sync_conflict_record on sync_conflict (connection_id, record_id);

-- Webhook events already applied, for deduplication (pruned after a day).
create table sync_webhook_event (
    connection_id   uuid         not null references sync_connection (id),
    event_id        varchar(200) not null,
    received_at     timestamp with time zone not null,
    primary key (connection_id, event_id)
);

-- Profiles whose CRM record was archived or deleted: kept for history, no longer a source of golden values.
alter table profile add column deleted_at timestamp with time zone null;

-- What each erasure did in each connection, shown on the erasure receipt. No CRM record ids: after the
-- erasure nothing here links back to the person.
create table sync_erasure_outcome (
    receipt_id      uuid         not null,
    connection_id   uuid         not null,
    connection_name varchar(200) not null,
    records         int          not null,
    outcome         varchar(16)  not null,
    detail          varchar(2000) not null,
    primary key (receipt_id, connection_id)
);
