-- The application's own record of imported notices. Camunda's tables hold the process state;
-- these hold what the notices said, every revision of every item, and the directives tracked.
-- Plain SQL that runs on H2 and PostgreSQL alike.

create table dt_notice (
  number           varchar(100)   not null primary key,
  issuer           varchar(40)    not null,
  standing_office  varchar(40)    not null,
  title            varchar(4000)  not null,
  issued_on        date,
  meeting_on       date,
  chair            varchar(1000),
  implements_plan  varchar(4000),
  note             varchar(20000),
  process_instance varchar(64),
  imported_at      timestamp      not null,
  imported_by      varchar(255)
);

create table dt_notice_item (
  notice_number       varchar(100)   not null references dt_notice (number),
  ref                 varchar(20)    not null,
  revision            integer        not null,
  text                varchar(20000) not null,
  lead_agency         varchar(40),
  lead_class          varchar(60),
  coordinators        varchar(4000)  not null,
  coordinator_classes varchar(400)   not null,
  deadline_kind       varchar(20)    not null,
  deadline_date       date,
  deadline_phrase     varchar(2000),
  key_task            boolean        not null,
  note                varchar(20000),
  recorded_at         timestamp      not null,
  recorded_by         varchar(255),
  primary key (notice_number, ref, revision)
);

create table dt_tracked_directive (
  business_key   varchar(300)  not null primary key,
  notice_number  varchar(100)  not null references dt_notice (number),
  ref            varchar(20)   not null,
  lead_agency    varchar(40)   not null,
  created_at     timestamp     not null
);

create index dt_tracked_directive_lead on dt_tracked_directive (lead_agency);
create index dt_tracked_directive_item on dt_tracked_directive (notice_number, ref);
