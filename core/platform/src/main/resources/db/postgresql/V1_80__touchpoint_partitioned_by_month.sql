-- PostgreSQL only (location db/postgresql, see application.properties): the touchpoint table becomes
-- partitioned by month of occurred_at (UTC), one partition per month named touchpoint_yYYYYmMM.
-- H2 keeps the single table of V1_0.
--
-- A unique constraint on a partitioned table must include the partition key, so (source, external_id)
-- can no longer be unique on touchpoint itself: the idempotency key lives in touchpoint_key (one row per
-- stored touchpoint, not partitioned), which every insert path writes first in the same statement
-- (TouchpointRepository). Deleting a touchpoint deletes its key (trigger below); dropping a partition
-- (kreis.touchpoints.retention-months) deletes the keys of its rows first (TouchpointPartitions).
--
-- Existing rows are moved: partitions are made for every month that holds a touchpoint and for the
-- months around now; the application creates further ones ahead of time and on demand.

alter table touchpoint rename to touchpoint_unpartitioned;
alter table touchpoint_unpartitioned rename constraint touchpoint_source_external to touchpoint_unpartitioned_source_external;
alter index touchpoint_profile_time rename to touchpoint_unpartitioned_profile_time;
alter index touchpoint_received rename to touchpoint_unpartitioned_received;
alter index touchpoint_occurred rename to touchpoint_unpartitioned_occurred;

create table touchpoint (
    id              uuid         not null,
    profile_id      uuid         not null references profile (id),
    source          varchar(100) not null,
    external_id     varchar(255) not null,
    type            varchar(100) not null,
    module          varchar(64)  not null,
    channel         varchar(16)  not null,
    phase           varchar(16)  not null,
    initiator       varchar(16)  not null,
    occurred_at     timestamp with time zone not null,
    received_at     timestamp with time zone not null,
    score           numeric(6, 3) null,
    amount          numeric(19, 4) null,
    currency        varchar(3)   null,
    payload         text         null,
    constraint touchpoint_pk primary key (id, occurred_at)
) partition by range (occurred_at);

create table touchpoint_key (
    source      varchar(100) not null,
    external_id varchar(255) not null,
    id          uuid         not null,
    constraint touchpoint_key_pk primary key (source, external_id)
);

create function touchpoint_month_partition(month_start timestamp with time zone) returns void language plpgsql as $$
declare
    first timestamp with time zone := date_trunc('month', month_start at time zone 'UTC') at time zone 'UTC';
    name text := 'touchpoint_y' || to_char(first at time zone 'UTC', 'YYYY') || 'm' || to_char(first at time zone 'UTC', 'MM');
begin
    execute format('create table if not exists %I partition of touchpoint for values from (%L) to (%L)',
        name, first, first + interval '1 month');
end $$;

select touchpoint_month_partition(m)
from (select distinct date_trunc('month', occurred_at at time zone 'UTC') at time zone 'UTC' as m from touchpoint_unpartitioned
      union
      select date_trunc('month', now() at time zone 'UTC') at time zone 'UTC' + (k || ' month')::interval from generate_series(-1, 3) k) months;

insert into touchpoint select * from touchpoint_unpartitioned;
insert into touchpoint_key (source, external_id, id) select source, external_id, id from touchpoint_unpartitioned;
drop table touchpoint_unpartitioned;

create index touchpoint_profile_time on touchpoint (profile_id, occurred_at desc, id desc);
create index touchpoint_received on touchpoint (received_at);
create index touchpoint_occurred on touchpoint (occurred_at);

-- A deleted touchpoint (a module's data purged) frees its (source, external_id).
create function touchpoint_key_release() returns trigger language plpgsql as $$
begin
    delete from touchpoint_key where source = old.source and external_id = old.external_id and id = old.id;
    return null;
end $$;
create trigger touchpoint_key_release after delete on touchpoint for each row execute function touchpoint_key_release();
