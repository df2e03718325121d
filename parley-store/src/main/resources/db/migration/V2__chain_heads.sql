-- The head of each negotiation's chain (its last event's number and hash) moves to a narrow table of its own:
-- it changes with every event, and rewriting the negotiation's row, which holds the whole scenario, each time
-- cost more than the event itself. The audit still compares it with the log, to notice events removed at the end.
CREATE TABLE chain_heads (
    negotiation_id VARCHAR(64)  PRIMARY KEY REFERENCES negotiations (id),
    last_seq       BIGINT       NOT NULL,
    last_hash      VARCHAR(64)  NOT NULL
);

INSERT INTO chain_heads (negotiation_id, last_seq, last_hash) SELECT id, last_seq, last_hash FROM negotiations;

ALTER TABLE negotiations DROP COLUMN last_seq;
ALTER TABLE negotiations DROP COLUMN last_hash;
