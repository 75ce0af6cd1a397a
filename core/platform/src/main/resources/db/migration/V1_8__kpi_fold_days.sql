-- Which UTC days each fold changed (ADR 0004, "in-memory customer index"): every refold of a day
-- records the fold generation it belongs to, so a node's in-memory index reloads exactly the days
-- whose rollups changed since the generation it last read.
create table kpi_fold_day (
    epoch_day       integer      primary key,
    generation      bigint       not null
);
create index kpi_fold_day_generation on kpi_fold_day (generation);
