-- Negotiations, their seats, and the append-only event log. Portable between H2 and PostgreSQL.
-- Each event stores the hash of the one before it: the log is a chain that an audit can verify.
CREATE TABLE negotiations (
    id            VARCHAR(64)  PRIMARY KEY,
    created_at    BIGINT       NOT NULL,
    scenario_json VARCHAR      NOT NULL,
    protocol_json VARCHAR      NOT NULL,
    status        VARCHAR(16)  NOT NULL,
    last_seq      BIGINT       NOT NULL,
    last_hash     VARCHAR(64)  NOT NULL
);

CREATE TABLE seats (
    negotiation_id VARCHAR(64)  NOT NULL REFERENCES negotiations (id),
    party          VARCHAR(64)  NOT NULL,
    agent          VARCHAR(128),
    token_hash     VARCHAR(64),
    PRIMARY KEY (negotiation_id, party)
);

CREATE TABLE events (
    negotiation_id VARCHAR(64)  NOT NULL REFERENCES negotiations (id),
    seq            BIGINT       NOT NULL,
    at_millis      BIGINT       NOT NULL,
    kind           VARCHAR(32)  NOT NULL,
    party          VARCHAR(64),
    payload        VARCHAR      NOT NULL,
    prev_hash      VARCHAR(64)  NOT NULL,
    hash           VARCHAR(64)  NOT NULL,
    PRIMARY KEY (negotiation_id, seq)
);
