-- The unified customer record: customers (golden records) are clusters of profiles; identifiers link
-- profiles; touchpoints attach to the profile they arrived with, so merges and splits never rewrite them.
-- Written for PostgreSQL and for H2 in PostgreSQL mode alike.

create table customer (
    id              uuid primary key,
    kind            varchar(16)  not null,
    merged_into     uuid         null references customer (id),
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null
);
create index customer_created on customer (created_at, id);
create index customer_merged_into on customer (merged_into);

create table profile (
    id              uuid primary key,
    customer_id     uuid         not null references customer (id),
    source          varchar(100) not null,
    external_id     varchar(255) not null,
    kind            varchar(16)  not null,
    organisation_id uuid         null references customer (id),
    search_name     varchar(512) null,
    match_name      varchar(512) null,
    match_company   varchar(512) null,
    match_address   varchar(512) null,
    block_key       varchar(32)  null,
    observed_at     timestamp with time zone not null,
    created_at      timestamp with time zone not null,
    constraint profile_source_external unique (source, external_id)
);
create index profile_customer on profile (customer_id);
create index profile_block_key on profile (block_key);

-- One row per attribute a profile carries; attr_value is JSON text. observed_at is per attribute so an
-- older observation arriving late never overwrites a newer value.
create table profile_attribute (
    profile_id      uuid         not null references profile (id),
    name            varchar(100) not null,
    attr_value      varchar(4096) not null,
    observed_at     timestamp with time zone not null,
    primary key (profile_id, name)
);

-- Normalised identifiers: email lower-cased, phone in E.164, external ids per system, custom keys.
-- system is '' where the type has none (email, phone).
create table profile_identifier (
    profile_id      uuid         not null references profile (id),
    type            varchar(16)  not null,
    system          varchar(100) not null,
    id_value        varchar(320) not null,
    primary key (profile_id, type, system, id_value)
);
create index profile_identifier_lookup on profile_identifier (id_value, type, system);

-- A person's decision that two profiles are different customers (made by a split). Automatic
-- clustering never joins clusters across such a pair.
create table profile_separation (
    profile_a       uuid         not null references profile (id),
    profile_b       uuid         not null references profile (id),
    decided_at      timestamp with time zone not null,
    primary key (profile_a, profile_b)
);

-- Each merge and split, with the profiles it moved and where they came from, so a split can restore
-- the customer a merge absorbed.
create table identity_event (
    id              uuid primary key,
    kind            varchar(16)  not null,
    customer_id     uuid         not null references customer (id),
    actor           varchar(255) not null,
    reason          varchar(512) null,
    occurred_at     timestamp with time zone not null
);
create index identity_event_customer on identity_event (customer_id, occurred_at);

create table identity_event_profile (
    event_id        uuid         not null references identity_event (id),
    profile_id      uuid         not null references profile (id),
    from_customer   uuid         not null references customer (id),
    to_customer     uuid         not null references customer (id),
    primary key (event_id, profile_id)
);
create index identity_event_profile_profile on identity_event_profile (profile_id);

create table merge_suggestion (
    id              uuid primary key,
    profile_a       uuid         not null references profile (id),
    profile_b       uuid         not null references profile (id),
    score           numeric(5, 4) not null,
    reasons         varchar(2048) not null,
    status          varchar(16)  not null,
    created_at      timestamp with time zone not null,
    constraint merge_suggestion_pair unique (profile_a, profile_b)
);
create index merge_suggestion_open on merge_suggestion (status, score);

-- Survivorship policy per golden attribute; the row with attribute '*' is the default.
create table survivorship_policy (
    attribute       varchar(100) primary key,
    strategy        varchar(32)  not null,
    source_priority varchar(2048) null
);
insert into survivorship_policy (attribute, strategy, source_priority) values ('*', 'most_recent', null);

create table touchpoint_type (
    type_key        varchar(100) primary key,
    owner           varchar(64)  not null,
    default_channel varchar(16)  not null,
    phase           varchar(16)  not null,
    initiator       varchar(16)  not null,
    score_scale     varchar(16)  null,
    description     varchar(512) not null
);

create table touchpoint (
    id              uuid primary key,
    profile_id      uuid         not null references profile (id),
    source          varchar(100) not null,
    external_id     varchar(255) not null,
    type            varchar(100) not null,
    module          varchar(64)  not null,
    channel         varchar(16)  not null,
    phase           varchar(16)  not null,
    initiator       varchar(16)  not null,
    occurred_at     timestamp with time zone not null,
    received_at     timestamp with time zone not null,
    score           numeric(6, 3) null,
    amount          numeric(19, 4) null,
    currency        varchar(3)   null,
    payload         text         null,
    constraint touchpoint_source_external unique (source, external_id)
);
create index touchpoint_profile_time on touchpoint (profile_id, occurred_at desc, id desc);
