-- Bulk CSV imports (docs/imports.md): one row per import with its spec, where its file lies, its
-- progress (committed after every chunk, so a restarted node resumes where the last chunk ended) and
-- the lease of the node working on it; the rows it rejected; and saved column mappings.
create table bulk_import (
    id              uuid primary key,
    kind            varchar(20)   not null,
    source          varchar(100)  not null,
    dry_run         boolean       not null,
    spec            text          not null,
    file_name       varchar(255)  null,
    file_path       varchar(1000) not null,
    file_bytes      bigint        not null,
    status          varchar(20)   not null,
    rows_read       bigint        not null default 0,
    chars_read      bigint        not null default 0,
    rows_created    bigint        not null default 0,
    rows_updated    bigint        not null default 0,
    rows_unchanged  bigint        not null default 0,
    rows_rejected   bigint        not null default 0,
    failure         varchar(1000) null,
    created_by      varchar(200)  not null,
    created_at      timestamp with time zone not null,
    started_at      timestamp with time zone null,
    finished_at     timestamp with time zone null,
    worked_millis   bigint        not null default 0,
    lease_holder    varchar(100)  null,
    lease_expires_at timestamp with time zone null
);
create index bulk_import_status on bulk_import (status, created_at);
create index bulk_import_created_by on bulk_import (created_by, status);

create table bulk_import_error (
    import_id       uuid          not null references bulk_import (id) on delete cascade,
    row_number      bigint        not null,
    column_name     varchar(255)  null,
    message         varchar(1000) not null,
    original_row    text          null
);
create index bulk_import_error_row on bulk_import_error (import_id, row_number);

create table bulk_mapping (
    name            varchar(100)  primary key,
    spec            text          not null,
    updated_by      varchar(200)  not null,
    updated_at      timestamp with time zone not null
);
