-- Dead letters a run closed because it applied (or wrote) their record successfully (issue 15).
alter table sync_run add column resolved_count integer not null default 0;
