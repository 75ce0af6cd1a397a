-- The sales module's tables: leads, deals with their stage history, orders, subscriptions with their events.

create table sal_lead (
    id uuid primary key,
    customer_id uuid,
    email varchar(254),
    phone varchar(40),
    first_name varchar(100),
    last_name varchar(100),
    company varchar(200),
    source varchar(50),
    status varchar(20) not null,
    erased boolean not null default false,
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index sal_lead_customer on sal_lead (customer_id);
create index sal_lead_created on sal_lead (created_at, id);

create table sal_deal (
    id uuid primary key,
    customer_id uuid not null,
    lead_id uuid,
    name varchar(200) not null,
    amount numeric(19,4) not null,
    stage varchar(20) not null,
    expected_close_on date,
    opened_at timestamp with time zone not null,
    closed_at timestamp with time zone,
    won_reason varchar(500),
    lost_reason varchar(500),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index sal_deal_customer on sal_deal (customer_id);
create index sal_deal_created on sal_deal (created_at, id);
create index sal_deal_closed on sal_deal (closed_at);
create index sal_deal_opened on sal_deal (opened_at);

create table sal_deal_stage (
    id uuid primary key,
    deal_id uuid not null,
    seq bigint not null,
    stage varchar(20) not null,
    entered_at timestamp with time zone not null,
    changed_by varchar(100),
    constraint sal_deal_stage_deal foreign key (deal_id) references sal_deal (id),
    constraint sal_deal_stage_seq unique (deal_id, seq)
);

create table sal_order (
    id uuid primary key,
    external_id varchar(100) not null,
    customer_id uuid not null,
    amount numeric(19,4) not null,
    ordered_at timestamp with time zone not null,
    created_at timestamp with time zone not null,
    constraint sal_order_external unique (external_id)
);
create index sal_order_customer on sal_order (customer_id);
create index sal_order_ordered on sal_order (ordered_at);
create index sal_order_created on sal_order (created_at, id);

create table sal_subscription (
    id uuid primary key,
    customer_id uuid not null,
    plan varchar(100),
    mrr numeric(19,4) not null,
    status varchar(20) not null,
    started_at timestamp with time zone not null,
    cancelled_at timestamp with time zone,
    cancel_reason varchar(500),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null
);
create index sal_subscription_customer on sal_subscription (customer_id);
create index sal_subscription_created on sal_subscription (created_at, id);

create table sal_subscription_event (
    id uuid primary key,
    subscription_id uuid not null,
    seq bigint not null,
    kind varchar(20) not null,
    mrr numeric(19,4) not null,
    occurred_at timestamp with time zone not null,
    reason varchar(500),
    created_at timestamp with time zone not null,
    constraint sal_subscription_event_subscription foreign key (subscription_id) references sal_subscription (id),
    constraint sal_subscription_event_seq unique (subscription_id, seq)
);
