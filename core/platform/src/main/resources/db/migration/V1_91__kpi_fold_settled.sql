-- The fold job looks again over kreis.kpis.fold-overlap before its watermark, for touchpoints whose
-- transaction committed after later ones were folded. settled_until is how far back that is no longer
-- needed: a completed fold that looked at time T saw every touchpoint received up to T minus the overlap
-- (anything older was committed by then), so the next look starts at the later of the two and the job stops
-- re-reading the same minutes every run once ingest pauses. Null: not known yet, look back the whole overlap.
alter table kpi_fold_state add column settled_until timestamp with time zone null;
