-- Autocalls names no agent. Before calls had a line, the number its assistant
-- called from was saved as the agent id (and so shown as the agent): it is the
-- line the call was made from, and the agent is unknown. The number is kept as
-- the vendor sent it (new calls have it in E.164 when it parses as a number).
UPDATE "calls"
SET "line" = "agent_id", "agent_id" = NULL, "agent_name" = NULL, "agent_name_raw" = NULL
WHERE "provider" = 'autocalls' AND "line" IS NULL AND "agent_id" IS NOT NULL;
