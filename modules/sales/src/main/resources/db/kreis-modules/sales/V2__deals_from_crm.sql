-- Deals synced from a CRM (HubSpot deals, Salesforce opportunities) name where they came from: the connection's
-- source, the CRM object and the CRM's record id. Upserts key on (crm_source, crm_record_id); deals made in Kreis
-- have none. An erasure clears crm_record_id (it identifies the person's record in the CRM).

alter table sal_deal add column crm_source varchar(100);
alter table sal_deal add column crm_object varchar(100);
alter table sal_deal add column crm_record_id varchar(200);
create unique index sal_deal_crm_record on sal_deal (crm_source, crm_record_id);
