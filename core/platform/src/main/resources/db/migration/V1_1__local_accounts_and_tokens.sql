-- Local accounts (the embedded identity source) and API tokens for machines. Roles are stored as a
-- comma-separated list of role keys; passwords as bcrypt hashes; tokens only as SHA-256 hashes.

create table user_account (
    id                  uuid primary key,
    username            varchar(100) not null,
    display_name        varchar(200) null,
    email               varchar(320) null,
    password_hash       varchar(100) not null,
    roles               varchar(512) not null,
    enabled             boolean      not null,
    failed_attempts     integer      not null,
    locked_until        timestamp with time zone null,
    last_login_at       timestamp with time zone null,
    password_changed_at timestamp with time zone not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    constraint user_account_username unique (username)
);

create table api_token (
    id                  uuid primary key,
    name                varchar(100) not null,
    token_hash          varchar(64)  not null,
    token_hint          varchar(16)  not null,
    roles               varchar(512) not null,
    created_by          varchar(255) not null,
    created_at          timestamp with time zone not null,
    expires_at          timestamp with time zone null,
    last_used_at        timestamp with time zone null,
    revoked_at          timestamp with time zone null,
    constraint api_token_hash unique (token_hash)
);
create index api_token_created on api_token (created_at, id);
