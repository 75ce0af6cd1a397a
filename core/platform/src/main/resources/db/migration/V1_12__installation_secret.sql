-- Secrets of the installation that every node must share, generated once by the first node that
-- starts (or configured instead): today the key that seals list cursors (docs/security.md).
create table installation_secret (
    name            varchar(64)  primary key,
    secret          varchar(200) not null,
    created_at      timestamp with time zone not null
);
