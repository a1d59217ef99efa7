-- Outbox events are announced by the application after its transaction
-- commits (lib/events/announce-outbox.ts), coalesced per process, instead
-- of by a trigger inside every writing transaction: PostgreSQL serialises
-- the commits of transactions that NOTIFY, which capped event-writing
-- transactions near one disk flush each.
DROP TRIGGER IF EXISTS "OutboxEvent_notify" ON "OutboxEvent";
DROP FUNCTION IF EXISTS "omnitill_notify_outbox"();
