-- The marketing module's tables (prefix mkt_). Portable SQL: runs on H2 (PostgreSQL mode) and PostgreSQL.

-- Campaigns. The audience is a static list (rows in mkt_campaign_list_entry) or a segment filter
-- (golden attribute equality, stored as a JSON object in segment_filter).
create table mkt_campaign (
    id uuid primary key,
    name varchar(200) not null,
    channel varchar(16) not null,
    purpose varchar(64) not null,
    starts_on date,
    ends_on date,
    budget numeric(19, 4),
    audience_type varchar(16) not null,
    segment_filter varchar(8000),
    created_at timestamp with time zone not null,
    updated_at timestamp with time zone not null,
    refreshed_at timestamp with time zone
);
create index mkt_campaign_created on mkt_campaign (created_at, id);

-- The customer ids of a static-list audience, in the order given.
create table mkt_campaign_list_entry (
    campaign_id uuid not null,
    customer_id uuid not null,
    list_position integer not null,
    primary key (campaign_id, customer_id)
);

-- The audience resolved by the last members refresh. Whether a member is included (consent, holds) is
-- decided when it is read, never stored.
create table mkt_campaign_member (
    campaign_id uuid not null,
    customer_id uuid not null,
    added_at timestamp with time zone not null,
    primary key (campaign_id, customer_id)
);
create index mkt_campaign_member_customer on mkt_campaign_member (customer_id);

-- E-mail events reported by the sending provider; each became a marketing.email_* touchpoint.
create table mkt_email_event (
    id uuid primary key,
    external_id varchar(200) not null,
    campaign_id uuid not null,
    customer_id uuid not null,
    event varchar(16) not null,
    occurred_at timestamp with time zone not null,
    touchpoint_id uuid not null,
    recorded_at timestamp with time zone not null,
    constraint mkt_email_event_external unique (external_id)
);
create index mkt_email_event_kpi on mkt_email_event (event, occurred_at);
create index mkt_email_event_customer on mkt_email_event (customer_id);
create index mkt_email_event_campaign on mkt_email_event (campaign_id, customer_id);

-- Web visits of known customers; each became a marketing.web_visit touchpoint.
create table mkt_web_visit (
    id uuid primary key,
    external_id varchar(200) not null,
    customer_id uuid not null,
    url varchar(2000) not null,
    occurred_at timestamp with time zone not null,
    touchpoint_id uuid not null,
    recorded_at timestamp with time zone not null,
    constraint mkt_web_visit_external unique (external_id)
);
create index mkt_web_visit_customer on mkt_web_visit (customer_id);

-- Form submissions; each went through identity resolution and became a marketing.form_submitted touchpoint.
-- email, names, phone and fields are personal and emptied on erasure.
create table mkt_form_submission (
    id uuid primary key,
    external_id varchar(200) not null,
    form varchar(100) not null,
    customer_id uuid not null,
    email varchar(320),
    first_name varchar(100),
    last_name varchar(100),
    phone varchar(50),
    fields varchar(100000),
    occurred_at timestamp with time zone not null,
    touchpoint_id uuid not null,
    recorded_at timestamp with time zone not null,
    constraint mkt_form_submission_external unique (external_id)
);
create index mkt_form_submission_customer on mkt_form_submission (customer_id);

-- The module's settings as last given by the platform (install, enable, configure), for KPI computations.
create table mkt_setting (
    setting_key varchar(64) primary key,
    setting_value varchar(1000) not null
);
