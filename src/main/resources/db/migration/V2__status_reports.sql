-- Read model of every directive for the status reports, fed from the engine's history events in
-- the same transaction as the step that changed it (vn.directivetracker.reporting.DirectiveStateRecorder).
-- One row per directive process instance; the status itself is computed when a report is asked for,
-- because time alone turns a directive overdue.
create table dt_directive_state (
  process_instance_id     varchar(64)    not null primary key,
  business_key            varchar(300),
  notice_number           varchar(100),
  item_ref                varchar(20),
  directive_text          varchar(20000),
  lead_agency             varchar(40),
  lead_agency_name        varchar(1000),
  coordinating_agencies   varchar(4000),
  standing_office         varchar(40),
  key_task                boolean,
  deadline_kind           varchar(20),
  deadline_phrase         varchar(2000),
  stated_deadline         date,
  original_deadline       timestamp,
  deadline                timestamp,
  started_at              timestamp,
  acknowledged_at         timestamp,
  completion_submitted_at timestamp,
  completed_at            timestamp,
  closed_at               timestamp,
  ended_at                timestamp,
  cancelled               boolean        not null default false,
  last_monthly_report_at  timestamp,
  last_monthly_report     varchar(4000),
  updated_at              timestamp      not null
);

create index dt_directive_state_lead on dt_directive_state (lead_agency);
create index dt_directive_state_notice on dt_directive_state (notice_number);

-- Every value the deadline took and from when: reports as of a past day use the deadline then in force.
create table dt_directive_deadline (
  process_instance_id varchar(64) not null,
  effective_from      timestamp   not null,
  deadline            timestamp   not null,
  primary key (process_instance_id, effective_from)
);

-- The month's report frozen at the data cut-off (Decree 09/2019: the 14th): it never changes afterwards.
create table dt_status_snapshot (
  period          varchar(7)  not null primary key,
  cut_off         date        not null,
  as_of           timestamp   not null,
  taken_at        timestamp   not null,
  directive_count integer     not null
);

create table dt_status_snapshot_row (
  period                 varchar(7)     not null references dt_status_snapshot (period),
  process_instance_id    varchar(64)    not null,
  business_key           varchar(300),
  notice_number          varchar(100),
  item_ref               varchar(20),
  directive_text         varchar(20000),
  lead_agency            varchar(40),
  lead_agency_name       varchar(1000),
  coordinating_agencies  varchar(4000),
  standing_office        varchar(40),
  key_task               boolean        not null,
  ongoing                boolean        not null,
  deadline_phrase        varchar(2000),
  original_deadline      date,
  deadline               date,
  status                 varchar(20)    not null,
  days_overdue           integer        not null,
  completed_at           timestamp,
  last_monthly_report_at timestamp,
  last_monthly_report    varchar(4000),
  primary key (period, process_instance_id)
);

create index dt_status_snapshot_row_lead on dt_status_snapshot_row (period, lead_agency);
