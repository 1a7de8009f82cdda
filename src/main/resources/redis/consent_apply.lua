-- Applies one consent change (opt-in or opt-out) to a subscriber, with its history entry, once per provider
-- message. All keys share the subscriber's hash tag.
-- KEYS[1] subscriber hash, KEYS[2] history list, KEYS[3] seen-marker
-- ARGV: 1 TTL ms, 2 action (opt_in|opt_out), 3 time (ISO-8601), 4 channel, 5 encrypted phone, 6 region or '',
--       7 language or '', 8 keyword, 9 pseudonym, 10 history entry (JSON)
if not redis.call('SET', KEYS[3], '1', 'NX', 'PX', ARGV[1]) then
  return 'duplicate'
end
local now = ARGV[3]
if redis.call('EXISTS', KEYS[1]) == 0 then
  redis.call('HSET', KEYS[1], 'pseudonym', ARGV[9], 'created_at', now, 'consent_source', 'sms_keyword:' .. ARGV[4])
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
return redis.call('HGET', KEYS[1], 'status')
