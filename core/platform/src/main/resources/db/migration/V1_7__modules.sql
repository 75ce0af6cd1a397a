-- The module registry (issue 5): which modules this installation has installed, in which state and
-- version, with which settings; what each contributed; and holds departments place on contacting customers.

-- One row per module the installation has seen installed or uploaded. Bundled modules without a row are
-- available. A declarative module keeps its descriptor here.
create table module_installation (
    module_id           varchar(32)  primary key,
    state               varchar(16)  not null,
    installed_version   varchar(64)  null,
    origin              varchar(16)  not null,
    descriptor          text         null,
    config              text         not null,
    installed_at        timestamp with time zone null,
    updated_at          timestamp with time zone not null,
    updated_by          varchar(100) not null,
    constraint module_installation_state check (state in ('available', 'enabled', 'disabled')),
    constraint module_installation_origin check (origin in ('bundled', 'declarative'))
);

-- What an installed module contributed, so an uninstall removes exactly those.
create table module_contribution (
    kind        varchar(24)  not null,
    item_key    varchar(100) not null,
    module_id   varchar(32)  not null references module_installation (module_id),
    primary key (kind, item_key),
    constraint module_contribution_kind check (kind in ('touchpoint-type', 'kpi', 'permission', 'attribute'))
);
create index module_contribution_module on module_contribution (module_id);

-- Holds on contacting a customer (e.g. support keeping a customer out of campaigns while a
-- high-priority ticket is open).
create table customer_hold (
    id          uuid         primary key,
    customer_id uuid         not null,
    scope       varchar(32)  not null,
    module_id   varchar(32)  not null,
    reference   varchar(100) not null,
    reason      varchar(500) not null,
    placed_at   timestamp with time zone not null,
    constraint customer_hold_cause unique (module_id, scope, reference)
);
create index customer_hold_customer on customer_hold (customer_id, scope);
