-- A CRM record has at most one dead letter per connection and object (issue 15): a later failure of the same
-- record, by a scheduled and a manual run or by two nodes, adds its attempts to that letter instead of leaving a
-- second one. last_run_id is the last run that failed on the record (null while only webhooks did).
alter table sync_dead_letter add column last_run_id uuid;

-- Letters left twice for one record before this: the latest failure stays, with every attempt counted and the
-- time of the first failure.
update sync_dead_letter d set
    attempts = (select sum(o.attempts) from sync_dead_letter o
                where o.connection_id = d.connection_id and o.object_name = d.object_name and o.record_id = d.record_id),
    created_at = (select min(o.created_at) from sync_dead_letter o
                  where o.connection_id = d.connection_id and o.object_name = d.object_name and o.record_id = d.record_id)
where exists (select 1 from sync_dead_letter o
              where o.connection_id = d.connection_id and o.object_name = d.object_name and o.record_id = d.record_id and o.id <> d.id)
  and not exists (select 1 from sync_dead_letter o
                  where o.connection_id = d.connection_id and o.object_name = d.object_name and o.record_id = d.record_id
                    and (o.last_failed_at > d.last_failed_at or (o.last_failed_at = d.last_failed_at and o.id > d.id)));

delete from sync_dead_letter d
where exists (select 1 from sync_dead_letter o
              where o.connection_id = d.connection_id and o.object_name = d.object_name and o.record_id = d.record_id
                and (o.last_failed_at > d.last_failed_at or (o.last_failed_at = d.last_failed_at and o.id > d.id)));

alter table sync_dead_letter add constraint sync_dead_letter_record unique (connection_id, object_name, record_id);
