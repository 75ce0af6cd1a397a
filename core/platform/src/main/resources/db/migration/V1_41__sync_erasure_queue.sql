-- Erasures to carry to CRM connections: queued in the erasure's transaction, the vendor calls made after it
-- committed (never inside it); a row goes when its connection's outcome is on the receipt. Rows left by a
-- node that stopped are delivered by the sync scheduler's sweep.
create table sync_erasure_queue (
    receipt_id    uuid         not null,
    connection_id uuid         not null,
    object_name   varchar(100) not null,
    record_id     varchar(200) not null,
    queued_at     timestamp with time zone not null,
    primary key (receipt_id, connection_id, record_id)
);
create index sync_erasure_queue_queued on sync_erasure_queue (queued_at);
