-- Why a consent decision was made or changed, as the person recording it said (issue 17: "edit with reason").
-- Null for decisions that came without one (a CRM's sync, a profile import, decisions made before this column).
alter table consent add column reason varchar(500);
