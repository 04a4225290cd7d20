-- One directive per notice, item and agency (business key <notice>/<item>/<agency>), held by the
-- database and not only by the importer's code: a second directive instance with a key already taken
-- (a fan-out job run twice by two nodes, a retry after a crash) fails its transaction, since the read
-- model row is written in the same transaction as the directive's start.
create unique index dt_directive_state_business_key on dt_directive_state (business_key);
