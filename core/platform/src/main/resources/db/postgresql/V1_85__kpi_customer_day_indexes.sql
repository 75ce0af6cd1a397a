-- PostgreSQL only: covering indexes for the per-customer KPI queries over kpi_customer_day (ADR 0008),
-- so each reads the period's rows it needs from one index in day order instead of the table: the
-- repurchase rate only days with orders, peak-end only scored days, revenue retention, churn and CLV
-- only days with a subscription event (a small share of all rows), the funnel every row but only the
-- columns it groups. H2 has no partial or covering indexes and keeps kpi_customer_day_day alone.
create index kpi_customer_day_orders on kpi_customer_day (epoch_day)
    include (customer_id, orders, module, phase, customer_kind) where orders > 0;
create index kpi_customer_day_scored on kpi_customer_day (epoch_day)
    include (customer_id, peak_30, peak_at, peak_id, end_30, end_at, end_id, module, phase, customer_kind) where scored > 0;
create index kpi_customer_day_mrr on kpi_customer_day (epoch_day)
    include (customer_id, mrr, mrr_at, mrr_id, customer_kind) where mrr is not null;
create index kpi_customer_day_phases on kpi_customer_day (epoch_day)
    include (customer_id, phase_rank, module, phase, customer_kind);
