-- What clustering needs for one region and category, in one round trip: the open leads active in the window
-- (hash and recent terms each) and which of the reports about to be written are already written (redeliveries).
-- Lead keys are built from ARGV 4-5: they share the index's {leads:<region>} hash tag, so the same slot.
-- KEYS: 1 open-lead index of region+category, 2.. report hashes of the entries about to be written
-- ARGV: 1 from ms, 2 to ms, 3 most candidates, 4 lead key prefix (key = prefix .. id), 5 terms key suffix
-- Returns {written, candidates}: written[i] = lead id of KEYS[i+1] or ''; candidates = {{hash pairs}, {terms}}…
local written = {}
for i = 2, #KEYS do
  written[#written + 1] = redis.call('HGET', KEYS[i], 'lead_id') or ''
end
local candidates = {}
local ids = redis.call('ZREVRANGEBYSCORE', KEYS[1], ARGV[2], ARGV[1], 'LIMIT', 0, tonumber(ARGV[3]))
for _, id in ipairs(ids) do
  local lead = ARGV[4] .. id
  local status = redis.call('HGET', lead, 'status')
  -- closed leads can linger in the index until the review workflow removes them; they never take reports
  if status == 'new' or status == 'in_review' then
    candidates[#candidates + 1] = {redis.call('HGETALL', lead), redis.call('LRANGE', lead .. ARGV[5], 0, -1)}
  end
end
return {written, candidates}
