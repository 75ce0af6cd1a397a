-- Proactive signals: rules that watch arriving touchpoints, the outbox the ingestion fills for them, the
-- follow-up tasks and customer tags their actions create, and the lease that keeps scheduled checks to one
-- node at a time. See docs/signals.md and docs/adr/0005-signals.md.

-- condition_spec and action_spec hold the rule's condition and action as the JSON the API shows.
create table signal_rule (
    id              uuid primary key,
    name            varchar(200)  not null,
    enabled         boolean       not null,
    trigger_type    varchar(100)  not null,
    condition_spec  varchar(2000) not null,
    action_spec     varchar(2000) not null,
    created_at      timestamp with time zone not null,
    updated_at      timestamp with time zone not null,
    deleted_at      timestamp with time zone null
);
create index signal_rule_created on signal_rule (created_at, id);

-- Accepted touchpoints of a type some rule watches, written in the ingest's own transaction and removed
-- by the worker in the transaction that evaluates them. No foreign key: erasure may remove touchpoints.
create table signal_outbox (
    touchpoint_id   uuid primary key,
    enqueued_at     timestamp with time zone not null
);
create index signal_outbox_enqueued on signal_outbox (enqueued_at);

-- open_key is "<rule>/<customer>" while a task is open or in progress and null once it is done or
-- dismissed: the unique constraint is what keeps a rule from opening a second task for one customer
-- (a partial unique index would say the same, but H2 has none).
create table follow_up_task (
    id                          uuid primary key,
    rule_id                     uuid         not null references signal_rule (id),
    customer_id                 uuid         not null references customer (id),
    touchpoint_id               uuid         null,
    department                  varchar(64)  not null,
    title                       varchar(200) not null,
    priority                    varchar(8)   not null,
    status                      varchar(16)  not null,
    assignee                    varchar(255) null,
    note                        varchar(2000) null,
    open_key                    varchar(80)  null,
    resolved_by_touchpoint_id   uuid         null,
    resolved_proactively        boolean      null,
    created_at                  timestamp with time zone not null,
    updated_at                  timestamp with time zone not null,
    closed_at                   timestamp with time zone null,
    updated_by                  varchar(255) null,
    constraint follow_up_task_open unique (open_key)
);
create index follow_up_task_created on follow_up_task (created_at, id);
create index follow_up_task_department on follow_up_task (department, created_at);
create index follow_up_task_customer on follow_up_task (customer_id, created_at);

create table customer_tag (
    customer_id     uuid         not null references customer (id),
    tag             varchar(64)  not null,
    rule_id         uuid         null references signal_rule (id),
    touchpoint_id   uuid         null,
    tagged_at       timestamp with time zone not null,
    primary key (customer_id, tag)
);

-- Absence episodes already signalled: a customer's silence after their last touchpoint of the watched
-- type raises a rule once, whichever node checks and however often.
create table signal_absence_fired (
    rule_id         uuid         not null references signal_rule (id),
    customer_id     uuid         not null,
    touchpoint_id   uuid         not null,
    fired_at        timestamp with time zone not null,
    primary key (rule_id, customer_id, touchpoint_id)
);

-- One row per scheduled job. A node runs the job only after winning the row with a conditional update;
-- expires_at is when any node may run it next.
create table scheduled_lease (
    name            varchar(64)  primary key,
    holder          varchar(100) null,
    expires_at      timestamp with time zone not null
);
insert into scheduled_lease (name, holder, expires_at) values ('signals.absence-check', null, timestamp with time zone '1970-01-01 00:00:00+00');

-- The default rules; they can be changed, disabled or deleted like any other.
insert into signal_rule (id, name, enabled, trigger_type, condition_spec, action_spec, created_at, updated_at, deleted_at) values
('5e1a0000-0000-4000-8000-000000000001', 'Detractor NPS answer: follow up', true, 'feedback.nps',
 '{"kind":"score_range","min":0,"max":6}',
 '{"kind":"task","department":"support","priority":"high","title":"Follow up on a detractor NPS answer"}',
 current_timestamp, current_timestamp, null),
('5e1a0000-0000-4000-8000-000000000002', 'High-effort CES answer: follow up', true, 'feedback.ces',
 '{"kind":"score_range","max":3}',
 '{"kind":"task","department":"support","priority":"normal","title":"Follow up on a high-effort experience (CES 3 or lower)"}',
 current_timestamp, current_timestamp, null),
('5e1a0000-0000-4000-8000-000000000003', 'Repeated support contact: reach out', true, 'support.*',
 '{"kind":"count_within","count":3,"window":"P7D"}',
 '{"kind":"task","department":"support","priority":"high","title":"Reach out proactively: 3 or more support contacts in 7 days"}',
 current_timestamp, current_timestamp, null);
