-- Session events (issue 20): what happened to a session's steps and training runs, written in the
-- transaction that made it happen. The id is the Server-Sent Events id a client resumes after
-- (Last-Event-ID); appends of one session are serialized (an advisory lock), so its ids grow in commit
-- order and a reader that saw id n never misses a smaller one committed later. Deleted with their session,
-- and after textopt.events.retention.
CREATE TABLE session_event (
    id         bigserial   PRIMARY KEY,
    session_id uuid        NOT NULL REFERENCES optimizer_session (id) ON DELETE CASCADE,
    tenant     text        NOT NULL,
    type       text        NOT NULL,
    data       jsonb       NOT NULL,
    created_at timestamptz NOT NULL
);
CREATE INDEX session_event_of_session ON session_event (session_id, id);
CREATE INDEX session_event_created ON session_event (created_at);
