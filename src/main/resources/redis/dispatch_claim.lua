-- Takes a dispatch for one send. Waiting states have rank 0, 'sending' rank 1, provider states above.
-- KEYS[1] dispatch hash; ARGV: 1 now (ms), 2 lease end (ms), 3 time (ISO-8601)
-- Returns {'missing'} | {'busy', lease end} | {'settled', state}
--       | {'claimed', '0'|'1' (reclaimed), previous state, hash…}
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'missing'}
end
local rank = tonumber(redis.call('HGET', KEYS[1], 'rank'))
local reclaimed = '0'
if rank == 1 then
  local lease = tonumber(redis.call('HGET', KEYS[1], 'lease_until') or '0')
  if lease > tonumber(ARGV[1]) then
    return {'busy', tostring(lease)}
  end
  reclaimed = '1'
elseif rank ~= 0 then
  return {'settled', redis.call('HGET', KEYS[1], 'state')}
end
local previous = redis.call('HGET', KEYS[1], 'state')
redis.call('HSET', KEYS[1], 'state', 'sending', 'rank', '1', 'lease_until', ARGV[2], 'updated_at', ARGV[3])
local result = {'claimed', reclaimed, previous}
for _, v in ipairs(redis.call('HGETALL', KEYS[1])) do
  result[#result + 1] = v
end
return result
