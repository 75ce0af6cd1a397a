-- The day a follow-up task should be done by, set by its department; none when a rule opens it.
alter table follow_up_task add column due_on date;
