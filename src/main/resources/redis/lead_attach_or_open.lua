-- Writes one triaged report into a lead, atomically and once per intake entry. Every key carries the region's
-- {leads:<region>} hash tag, so this stays in one slot on a Redis Cluster.
-- KEYS: 1 report hash (its existence marks the entry as counted), 2 open-lead index of region+category,
--       3-6 chosen lead (hash, reports list, reporters set, terms list), 7-10 the same for a new lead
-- ARGV: 1 chosen lead id or '' to open, 2 new lead id, 3 entry id, 4 reporter, 5 received_at, 6 received ms,
--       7 triaged_at, 8 language, 9 text, 10 triage view (JSON), 11 region or '', 12 place or '', 13 category,
--       14 priority, 15 score, 16 children or '', 17 content words (space-separated), 18 how many term lists to keep
-- Returns {outcome, lead id, score, last seen ms}; outcome is opened, attached or duplicate.
local done = redis.call('HGET', KEYS[1], 'lead_id')
if done then
  return {'duplicate', done, '', ''}
end

local id, lead, reports, reporters, terms = ARGV[1], KEYS[3], KEYS[4], KEYS[5], KEYS[6]
local outcome = 'attached'
local status = id ~= '' and redis.call('HGET', lead, 'status') or false
-- the chosen lead may have been closed by a monitor since the worker read the candidates
if status ~= 'new' and status ~= 'in_review' then
  id, lead, reports, reporters, terms = ARGV[2], KEYS[7], KEYS[8], KEYS[9], KEYS[10]
  outcome = 'opened'
  redis.call('HSET', lead, 'id', id, 'status', 'new', 'region', ARGV[11], 'place', ARGV[12],
    'category', ARGV[13], 'priority', ARGV[14], 'score', ARGV[15], 'first_seen', ARGV[5], 'first_seen_ms', ARGV[6],
    'last_seen', ARGV[5], 'last_seen_ms', ARGV[6], 'report_count', 0, 'reporter_count', 0, 'languages', '',
    'max_children', '', 'created_at', ARGV[7])
end

local ms = tonumber(ARGV[6])
if ms < tonumber(redis.call('HGET', lead, 'first_seen_ms')) then
  redis.call('HSET', lead, 'first_seen', ARGV[5], 'first_seen_ms', ARGV[6])
end
if ms > tonumber(redis.call('HGET', lead, 'last_seen_ms')) then
  redis.call('HSET', lead, 'last_seen', ARGV[5], 'last_seen_ms', ARGV[6])
end
if tonumber(ARGV[15]) > tonumber(redis.call('HGET', lead, 'score')) then
  redis.call('HSET', lead, 'priority', ARGV[14], 'score', ARGV[15])
end
local languages = redis.call('HGET', lead, 'languages')
if not string.find(',' .. languages .. ',', ',' .. ARGV[8] .. ',', 1, true) then
  redis.call('HSET', lead, 'languages', languages == '' and ARGV[8] or languages .. ',' .. ARGV[8])
end
local children = redis.call('HGET', lead, 'max_children')
if ARGV[16] ~= '' and (children == '' or tonumber(ARGV[16]) > tonumber(children)) then
  redis.call('HSET', lead, 'max_children', ARGV[16])
end
if redis.call('HGET', lead, 'place') == '' and ARGV[12] ~= '' then
  redis.call('HSET', lead, 'place', ARGV[12])
end

redis.call('HINCRBY', lead, 'report_count', 1)
redis.call('SADD', reporters, ARGV[4])
redis.call('HSET', lead, 'reporter_count', redis.call('SCARD', reporters))
redis.call('RPUSH', reports, ARGV[3])
redis.call('LPUSH', terms, ARGV[17])
redis.call('LTRIM', terms, 0, tonumber(ARGV[18]) - 1)
local last = redis.call('HGET', lead, 'last_seen_ms')
redis.call('ZADD', KEYS[2], last, id)
redis.call('HSET', KEYS[1], 'entry_id', ARGV[3], 'lead_id', id, 'reporter', ARGV[4], 'received_at', ARGV[5],
  'triaged_at', ARGV[7], 'language', ARGV[8], 'text', ARGV[9], 'triage', ARGV[10])
return {outcome, id, redis.call('HGET', lead, 'score'), last}
