-- The test module's one table (tests of the module platform only).
create table nb_note (
    id          uuid primary key,
    customer_id uuid not null,
    text        varchar(200) not null,
    created_at  timestamp with time zone not null
);
