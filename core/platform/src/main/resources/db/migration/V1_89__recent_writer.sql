-- Read-your-writes across nodes (issue 18): until when each caller's reads go to the primary, whichever node they reach.
-- Written only while a read replica is configured, at most about once a second per caller and node.
create table recent_writer (
    caller varchar(512) primary key,
    until timestamp with time zone not null
);
create index recent_writer_until on recent_writer (until);
