-- Tickets synced from a CRM (HubSpot tickets, Salesforce cases) name where they came from: the connection's source,
-- the CRM object and the CRM's record id. Upserts key on (crm_source, crm_record_id); tickets opened in Kreis have
-- none. An erasure clears crm_record_id (it identifies the person's record in the CRM).

alter table sup_ticket add column crm_source varchar(100);
alter table sup_ticket add column crm_object varchar(100);
alter table sup_ticket add column crm_record_id varchar(200);
create unique index sup_ticket_crm_record on sup_ticket (crm_source, crm_record_id);
