-- Moves dispatches whose time has come from the delayed set to the dispatch stream, atomically.
-- KEYS[1] delayed sorted set (score = due ms), KEYS[2] dispatch stream; ARGV: 1 now (ms), 2 limit
local due = redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[1], 'LIMIT', 0, tonumber(ARGV[2]))
for _, id in ipairs(due) do
  redis.call('XADD', KEYS[2], '*', 'dispatch', id)
  redis.call('ZREM', KEYS[1], id)
end
return #due
