-- Feedback surveys (NPS, CSAT, CES) and their single-use invitations. An answered invitation becomes a
-- feedback.<kind> touchpoint; response_touchpoint_id links the two. Invitation tokens are stored as
-- SHA-256 hashes only.

create table survey (
    id                  uuid primary key,
    name                varchar(200) not null,
    kind                varchar(8)   not null,
    question            varchar(500) not null,
    comment_question    varchar(500) null,
    valid_days          integer      not null,
    created_at          timestamp with time zone not null,
    updated_at          timestamp with time zone not null,
    deleted_at          timestamp with time zone null
);
create index survey_created on survey (created_at, id);

create table survey_invitation (
    id                      uuid primary key,
    survey_id               uuid         not null references survey (id),
    customer_id             uuid         not null references customer (id),
    token_hash              varchar(64)  not null,
    context_touchpoint_id   uuid         null,
    created_by              varchar(255) not null,
    created_at              timestamp with time zone not null,
    expires_at              timestamp with time zone not null,
    answered_at             timestamp with time zone null,
    response_touchpoint_id  uuid         null,
    constraint survey_invitation_token unique (token_hash)
);
create index survey_invitation_survey on survey_invitation (survey_id, created_at);
