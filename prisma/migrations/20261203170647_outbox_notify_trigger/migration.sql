-- Wakes every app instance's realtime listener and outbox dispatcher when
-- outbox events commit. PostgreSQL delivers a NOTIFY only when its
-- transaction commits, so a rolled-back event wakes nobody. The payload is
-- empty on purpose: listeners read the outbox by id themselves, and
-- identical notifications in one transaction fold into one.
CREATE FUNCTION "omnitill_notify_outbox"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('omnitill_outbox', '');
  RETURN NULL;
END;
$$;

CREATE TRIGGER "OutboxEvent_notify"
AFTER INSERT ON "OutboxEvent"
FOR EACH STATEMENT EXECUTE FUNCTION "omnitill_notify_outbox"();
