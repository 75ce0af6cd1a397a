-- Sums for per-customer KPIs over periods reaching past the data (ADR 0010): when no kpi_customer_day
-- row lies on or after a period's end b, a customer's part of peak-end, the repurchase rate and the
-- revenue-retention cohort in [a, b) depends on a alone, as a step function of it. Each step function is
-- kept as differences on the days it steps: a period's answer is the sum of the differences before a.
-- property: 0 peak, 1 end (and peak-end's customers), 2 buyers, 3 repeat buyers, 4 MRR at the start (and
-- the customers paying then), 5 expansion, 6 contraction, 7 churned MRR, 8 new paying customers, 9
-- customers paying at the end. epoch_day -2147483648 stands for "before every day". Sums only, no
-- customer ids; kept by the fold with kpi_customer_day under the fold lock and rebuilt with the gap cells
-- (gap_cells_built), so an existing database gets them from the first fold after this migration.
create table kpi_tail_delta (
    property        smallint       not null,
    customer_kind   varchar(16)    not null,
    epoch_day       integer        not null,
    customers       bigint         not null,
    amount          numeric(30, 4) not null,
    primary key (property, customer_kind, epoch_day)
);

update kpi_fold_state set gap_cells_built = not exists (select 1 from kpi_customer_day);
