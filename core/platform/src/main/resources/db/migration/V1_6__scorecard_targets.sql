-- Scorecards: the CX pyramid's target per level (1 communication … 5 enhancement), 0–100. A level
-- without a row uses its configured default (kreis.scorecards.targets.*); PUT /api/v1/scorecards/pyramid/targets
-- writes rows here, audited as scorecard.targets.set.
create table scorecard_target (
    level           smallint     primary key,
    target_value    numeric(7, 4) not null,
    updated_by      varchar(255) not null,
    updated_at      timestamp with time zone not null,
    constraint scorecard_target_level check (level between 1 and 5),
    constraint scorecard_target_range check (target_value between 0 and 100)
);
