-- The KPI engine: targets per KPI and period, and the rollups KPIs are computed from (ADR 0004).
-- Rollups are derived data: every row can be recomputed from `touchpoint` for its day, and the fold
-- job does exactly that for each day that received touchpoints, so folding twice changes nothing.
-- Days are UTC days counted from 1970-01-01 (epoch days), so no session time zone is involved.

-- Per day and touchpoint type, module, phase, initiator and score: counts and order sums. The
-- feedback scores (NPS, CSAT, CES), proactive share and average order value are read from here.
create table kpi_day_rollup (
    epoch_day       integer      not null,
    type            varchar(100) not null,
    module          varchar(64)  not null,
    phase           varchar(16)  not null,
    initiator       varchar(16)  not null,
    score_scale     varchar(16)  not null,
    score           integer      not null,
    touchpoints     bigint       not null,
    amount_sum      numeric(24, 4) not null,
    primary key (epoch_day, type, module, phase, initiator, score_scale, score)
);

-- Per profile, day, module and phase: what per-customer KPIs need. Keyed by profile, not customer:
-- queries join profile.customer_id (the current cluster), so merges and splits need no refold.
-- peak_30/end_30 are 30 × the normalised score of the day's peak and last scored touchpoint;
-- mrr is the MRR after the day's last subscription event. *_id break ties between touchpoints at the
-- same instant the way the fold ordered them (occurred_at, then id).
create table kpi_profile_day (
    profile_id      uuid         not null,
    epoch_day       integer      not null,
    module          varchar(64)  not null,
    phase           varchar(16)  not null,
    phase_rank      smallint     not null,
    touchpoints     bigint       not null,
    orders          bigint       not null,
    order_amount    numeric(24, 4) not null,
    scored          bigint       not null,
    peak_30         numeric(12, 4) null,
    peak_at         timestamp with time zone null,
    peak_id         uuid         null,
    peak_type       varchar(100) null,
    end_30          numeric(12, 4) null,
    end_at          timestamp with time zone null,
    end_id          uuid         null,
    mrr             numeric(19, 4) null,
    mrr_at          timestamp with time zone null,
    mrr_id          uuid         null,
    primary key (profile_id, epoch_day, module, phase)
);
create index kpi_profile_day_day on kpi_profile_day (epoch_day, profile_id);

-- The fold job's state: one row, locked (select … for update) by whoever folds, on any node.
-- watermark is the latest received_at folded; generation counts completed folds.
create table kpi_fold_state (
    id              varchar(32)  primary key,
    watermark       timestamp with time zone not null,
    generation      bigint       not null,
    folded_at       timestamp with time zone null
);
insert into kpi_fold_state (id, watermark, generation, folded_at)
    values ('touchpoints', timestamp with time zone '1970-01-01 00:00:00+00', 0, null);

-- The fold finds new touchpoints by arrival and recomputes a day by occurrence.
create index touchpoint_received on touchpoint (received_at);
create index touchpoint_occurred on touchpoint (occurred_at);
-- Cached KPI answers are checked against the latest merge or split.
create index identity_event_time on identity_event (occurred_at);

-- Targets per KPI and period. An open end is stored as a far epoch day so (kpi, from, to) is unique
-- on both databases (a unique key treats NULLs as distinct).
create table kpi_target (
    id              uuid         primary key,
    kpi_key         varchar(64)  not null,
    from_day        integer      not null,
    to_day          integer      not null,
    target_value    numeric(19, 4) not null,
    owners          varchar(1024) not null,
    shared          boolean      not null,
    band_kind       varchar(24)  not null,
    band_width      numeric(19, 4) not null,
    updated_by      varchar(255) not null,
    updated_at      timestamp with time zone not null,
    constraint kpi_target_period unique (kpi_key, from_day, to_day)
);
