-- A monitoring log (claims, observations, assessments, clauses) is a chain like a negotiation's: same events table,
-- same chain heads, same audit. Its row in negotiations is told apart by its kind, so that the negotiations a server
-- serves and lists are negotiations only.
ALTER TABLE negotiations ADD COLUMN kind VARCHAR(16) DEFAULT 'negotiation' NOT NULL;
