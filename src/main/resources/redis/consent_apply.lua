-- Applies one consent change (opt-in or opt-out) to a subscriber, with its history entry, once per provider
-- message. All keys share the subscriber's hash tag.
-- KEYS[1] subscriber hash, KEYS[2] history list, KEYS[3] seen-marker
-- ARGV: 1 TTL ms, 2 action (opt_in|opt_out), 3 time (ISO-8601), 4 channel, 5 encrypted phone, 6 region or '',
--       7 language or '', 8 keyword, 9 pseudonym, 10 history entry (JSON), 11 who decided (person|operator),
--       12 consent source recorded on creation (e.g. sms_keyword:twilio, api:admin, import:admin)
-- Returns 'duplicate', 'refused' (an operator tried to subscribe someone who opted out: only the person can undo
-- an opt-out), or "status|region|language|previous region|previous language" for the audience indexes.
if not redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[1]) then
  return 'duplicate'
end
local now = ARGV[3]
local previous = redis.call('HMGET', KEYS[1], 'status', 'region', 'language')
if ARGV[11] == 'operator' and previous[1] == 'opted_out' then
  redis.call('DEL', KEYS[3])
  return 'refused'
end
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'pseudonym', ARGV[9], 'created_at', now, 'consent_source', ARGV[12])
end
redis.call('HSET', KEYS[1], 'phone_enc', ARGV[5], 'updated_at', now, 'last_channel', ARGV[4], 'last_keyword', ARGV[8])
if ARGV[2] == 'opt_out' then
  redis.call('HSET', KEYS[1], 'status', 'opted_out', 'opted_out_at', now)
else
  redis.call('HSET', KEYS[1], 'status', 'active', 'opted_in_at', now)
  if ARGV[6] ~= '' then redis.call('HSET', KEYS[1], 'region', ARGV[6]) end
  if ARGV[7] ~= '' then redis.call('HSET', KEYS[1], 'language', ARGV[7]) end
end
redis.call('RPUSH', KEYS[2], ARGV[10])
local now_state = redis.call('HMGET', KEYS[1], 'status', 'region', 'language')
return table.concat({now_state[1], now_state[2] or '', now_state[3] or '', previous[2] or '', previous[3] or ''}, '|')
