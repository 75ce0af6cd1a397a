-- Support module: SLA policies per priority, tickets and their history.

create table sup_sla_policy (
    priority               varchar(10)  not null primary key,
    first_response_minutes integer      not null,
    resolution_minutes     integer      not null,
    updated_at             timestamp with time zone not null,
    updated_by             varchar(255)
);

insert into sup_sla_policy (priority, first_response_minutes, resolution_minutes, updated_at, updated_by) values
    ('urgent', 30, 240, current_timestamp, null),
    ('high', 60, 480, current_timestamp, null),
    ('normal', 240, 1440, current_timestamp, null),
    ('low', 1440, 4320, current_timestamp, null);

create table sup_ticket (
    id                          uuid         not null primary key,
    customer_id                 uuid         not null,
    subject                     varchar(200) not null,
    description                 varchar(10000),
    channel                     varchar(20)  not null,
    priority                    varchar(10)  not null,
    proactive                   boolean      not null,
    status                      varchar(10)  not null,
    contacts                    integer      not null,
    responses                   integer      not null,
    resolutions                 integer      not null,
    opened_at                   timestamp with time zone not null,
    first_responded_at          timestamp with time zone,
    first_response_seconds      bigint,
    resolved_at                 timestamp with time zone,
    resolution_seconds          bigint,
    sla_met                     boolean,
    closed_at                   timestamp with time zone,
    resolution_note             varchar(5000),
    first_response_due_at       timestamp with time zone not null,
    resolution_due_at           timestamp with time zone not null,
    first_response_breach_noted boolean      not null,
    resolution_breach_noted     boolean      not null,
    opened_touchpoint_id        uuid,
    resolved_touchpoint_id      uuid,
    csat_invitation_id          uuid,
    ces_invitation_id           uuid,
    events                      bigint       not null,
    created_at                  timestamp with time zone not null,
    updated_at                  timestamp with time zone not null
);

create index sup_ticket_customer on sup_ticket (customer_id);
create index sup_ticket_opened on sup_ticket (opened_at, id);
create index sup_ticket_resolved on sup_ticket (resolved_at);
create index sup_ticket_first_response on sup_ticket (first_responded_at);
create index sup_ticket_status on sup_ticket (status);

create table sup_ticket_event (
    id          uuid         not null primary key,
    ticket_id   uuid         not null references sup_ticket (id),
    seq         bigint       not null,
    kind        varchar(20)  not null,
    from_value  varchar(20),
    to_value    varchar(20),
    occurred_at timestamp with time zone not null,
    actor       varchar(255),
    note        varchar(10000),
    constraint sup_ticket_event_seq unique (ticket_id, seq)
);
