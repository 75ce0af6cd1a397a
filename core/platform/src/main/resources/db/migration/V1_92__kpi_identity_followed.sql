-- The fold job re-points the per-customer rollup after merges and splits and looks again over
-- kreis.kpis.fold-overlap before customers_at, for merges whose transaction committed after a later one was
-- followed. The merges and splits of that window already followed are kept here, so a look again recomputes
-- (and retires the cached KPI answers) only for those it had not seen, instead of every run for the overlap
-- after each merge. Rows older than the window are deleted as the window moves; only ids and times, no
-- personal data.
create table kpi_identity_followed (
    event_id        uuid                     primary key,
    occurred_at     timestamp with time zone not null
);
create index kpi_identity_followed_time on kpi_identity_followed (occurred_at);
