-- The outbox keeps when each touchpoint occurred (issue 18), so the worker reads the touchpoints it evaluates one
-- month at a time: on PostgreSQL each read then probes one monthly partition instead of the primary key of every
-- partition. Entries queued before carry it from their touchpoint; one whose touchpoint is gone keeps null and
-- is read by id alone, which finds nothing, as before.
alter table signal_outbox add column occurred_at timestamp with time zone;
update signal_outbox set occurred_at = (select t.occurred_at from touchpoint t where t.id = signal_outbox.touchpoint_id);
