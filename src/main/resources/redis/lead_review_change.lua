-- One conditional change to a lead's review state, with its history line; every key in the lead's region slot.
-- KEYS: 1 lead hash, 2 history list, 3 open-lead index of the lead's region and category
-- ARGV: 1 history entry (JSON) or '', 2 statuses the lead must be in (comma-separated) or '',
--       3 fields that must be unset (comma-separated) or '', 4 open-index action: 'add', 'rem' or '',
--       5… field, value pairs to set (an empty value removes the field)
-- Returns 'ok', 'missing', 'status:<current status>' or 'already:<field that is set>'.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return 'missing'
end
local status = redis.call('HGET', KEYS[1], 'status')
if ARGV[2] ~= '' and not string.find(',' .. ARGV[2] .. ',', ',' .. status .. ',', 1, true) then
  return 'status:' .. status
end
for field in string.gmatch(ARGV[3], '[^,]+') do
  if redis.call('HEXISTS', KEYS[1], field) == 1 then
    return 'already:' .. field
  end
end
for i = 5, #ARGV, 2 do
  if ARGV[i + 1] == '' then
    redis.call('HDEL', KEYS[1], ARGV[i])
  else
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  end
end
local id = redis.call('HGET', KEYS[1], 'id')
if ARGV[4] == 'add' then
  redis.call('ZADD', KEYS[3], redis.call('HGET', KEYS[1], 'last_seen_ms'), id)
elseif ARGV[4] == 'rem' then
  redis.call('ZREM', KEYS[3], id)
end
if ARGV[1] ~= '' then
  redis.call('RPUSH', KEYS[2], ARGV[1])
end
return 'ok'
