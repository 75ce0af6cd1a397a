-- The per-customer rollup (ADR 0008): kpi_profile_day summed over each customer's current profiles,
-- so per-customer KPIs group rows by customer without joining profile (the profile → customer map
-- changes with merges and splits). The fold recomputes a day's rows in the transaction that refolds
-- the day; the customers a merge or split moved profiles between are recomputed from their profiles'
-- kpi_profile_day rows under the fold lock. Derived data: every row can be recomputed.
-- customer_kind is the customer's kind (it never changes: merges refuse mixed kinds, splits keep it),
-- so the segment filter needs no join either. peak, end and mrr are the customer's rows' best by the
-- KPI queries' own order (peak: largest |peak_30|, then latest instant, then id; end and mrr: latest
-- instant, then id).
create table kpi_customer_day (
    customer_id     uuid         not null,
    epoch_day       integer      not null,
    module          varchar(64)  not null,
    phase           varchar(16)  not null,
    customer_kind   varchar(16)  not null,
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
    primary key (customer_id, epoch_day, module, phase)
);
create index kpi_customer_day_day on kpi_customer_day (epoch_day, customer_id);

-- Merges and splits up to this instant (identity_event.occurred_at) are in kpi_customer_day; the fold
-- job looks again from the fold overlap before it, for merges whose transaction committed late.
alter table kpi_fold_state add column customers_at timestamp with time zone null;
update kpi_fold_state set customers_at = coalesce((select max(occurred_at) from identity_event),
    timestamp with time zone '1970-01-01 00:00:00+00');

insert into kpi_customer_day (customer_id, epoch_day, module, phase, customer_kind, phase_rank, touchpoints, orders,
    order_amount, scored, peak_30, peak_at, peak_id, peak_type, end_30, end_at, end_id, mrr, mrr_at, mrr_id)
select g.customer_id, g.epoch_day, g.module, g.phase, g.kind, g.phase_rank, g.touchpoints, g.orders, g.order_amount, g.scored,
    pk.peak_30, pk.peak_at, pk.peak_id, pk.peak_type, en.end_30, en.end_at, en.end_id, mr.mrr, mr.mrr_at, mr.mrr_id
from (select p.customer_id, d.epoch_day, d.module, d.phase, c.kind, max(d.phase_rank) as phase_rank,
        sum(d.touchpoints) as touchpoints, sum(d.orders) as orders, sum(d.order_amount) as order_amount, sum(d.scored) as scored
        from kpi_profile_day d join profile p on p.id = d.profile_id join customer c on c.id = p.customer_id
        group by p.customer_id, d.epoch_day, d.module, d.phase, c.kind) g
left join (select p.customer_id, d.epoch_day, d.module, d.phase, d.peak_30, d.peak_at, d.peak_id, d.peak_type,
        row_number() over (partition by p.customer_id, d.epoch_day, d.module, d.phase
            order by abs(d.peak_30) desc, d.peak_at desc, d.peak_id desc) as n
        from kpi_profile_day d join profile p on p.id = d.profile_id where d.scored > 0) pk
    on pk.customer_id = g.customer_id and pk.epoch_day = g.epoch_day and pk.module = g.module and pk.phase = g.phase and pk.n = 1
left join (select p.customer_id, d.epoch_day, d.module, d.phase, d.end_30, d.end_at, d.end_id,
        row_number() over (partition by p.customer_id, d.epoch_day, d.module, d.phase order by d.end_at desc, d.end_id desc) as n
        from kpi_profile_day d join profile p on p.id = d.profile_id where d.scored > 0) en
    on en.customer_id = g.customer_id and en.epoch_day = g.epoch_day and en.module = g.module and en.phase = g.phase and en.n = 1
left join (select p.customer_id, d.epoch_day, d.module, d.phase, d.mrr, d.mrr_at, d.mrr_id,
        row_number() over (partition by p.customer_id, d.epoch_day, d.module, d.phase order by d.mrr_at desc, d.mrr_id desc) as n
        from kpi_profile_day d join profile p on p.id = d.profile_id where d.mrr is not null) mr
    on mr.customer_id = g.customer_id and mr.epoch_day = g.epoch_day and mr.module = g.module and mr.phase = g.phase and mr.n = 1;
