-- Gap cells for the funnel (ADR 0009): for each property "the customer-day's phase_rank >= p" (p = 0..6)
-- and customer kind, the number of gaps (q, d) between consecutive days of a customer that have the
-- property — q = -2147483648 before the first, d = 2147483647 after the last — so the customers with
-- the property in [a, b) are all customers with it minus the gaps with q < a and d >= b, read in a number
-- of cells bounded by the calendar. Each gap is counted in four grains of 32-day blocks:
--   grain 0: (day q, day d),     lead = block of d
--   grain 1: (block q, day d),   lead = d
--   grain 2: (day q, block d),   lead = q
--   grain 3: (block q, block d), lead = block of d
-- lead leads the key, so each of a query's four regions is one index range. Counts only, no customer ids.
-- The fold keeps the cells with kpi_customer_day (differences per changed customer, under the fold lock);
-- an existing database gets them rebuilt from kpi_customer_day by the first fold after this migration
-- (gap_cells_built), a new one starts with them built and empty.
create table kpi_gap_cell (
    grain           smallint     not null,
    lead            integer      not null,
    q               integer      not null,
    d               integer      not null,
    property        smallint     not null,
    customer_kind   varchar(16)  not null,
    gaps            bigint       not null,
    primary key (grain, lead, q, d, property, customer_kind)
);

alter table kpi_fold_state add column gap_cells_built boolean not null default false;
update kpi_fold_state set gap_cells_built = not exists (select 1 from kpi_customer_day);
