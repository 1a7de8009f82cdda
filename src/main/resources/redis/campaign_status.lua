-- Changes a campaign's status unless it is finished (done or canceled): a scheduler finishing a run must never
-- revive a campaign that staff canceled meanwhile. KEYS[1] campaign hash; ARGV[1] new status; ARGV[2] 'from-done'
-- lets a done campaign become canceled (its runs are planned, but paced sends may still be waiting).
-- Returns 1 or 0.
local current = redis.call('HGET', KEYS[1], 'status')
if not current or current == 'canceled' or (current == 'done' and ARGV[2] ~= 'from-done') then
  return 0
end
redis.call('HSET', KEYS[1], 'status', ARGV[1])
return 1
