-- Columns that let the status reports be computed, sorted, searched and paged in the database
-- (vn.directivetracker.reporting.StatusReports) instead of loading every row into the application.
-- Each is derived in Java at write time, from what only Java knows (the working-day calendar, the
-- agency registry, the item numbering), by DirectiveStateRepository; rows from before this version
-- are filled in at start-up by DirectiveStateBackfill.

-- the deadline in force now: the scheduled deadline, else the stated day's due moment (moved to a
-- working day); null for ongoing duties
alter table dt_directive_state add column due_at timestamp;
-- the item's sort key: "1.a" before "1.b" before "10"
alter table dt_directive_state add column item_order varchar(200);
-- lower case without diacritics (đ as d): business key, notice, item, lead agency code and name, text
alter table dt_directive_state add column search_text varchar(22000);

-- whether the deadline ever took two different values (dt_directive_deadline): a report as of a
-- past moment looks up the deadline then in force only for these few (extensions, changed dates)
alter table dt_directive_state add column deadline_moved boolean not null default false;
update dt_directive_state set deadline_moved = true where process_instance_id in
  (select process_instance_id from dt_directive_deadline group by process_instance_id
   having count(distinct deadline) > 1);

alter table dt_status_snapshot_row add column item_order varchar(200);
alter table dt_status_snapshot_row add column search_text varchar(22000);
