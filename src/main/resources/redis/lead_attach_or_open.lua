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

-- one read of the fields this report may change and one write of those it does (each call costs Redis time)
local f = redis.call('HMGET', lead, 'first_seen_ms', 'last_seen_ms', 'score', 'languages', 'max_children', 'place')
local changes = {}
local function change(field, value)
  changes[#changes + 1] = field
  changes[#changes + 1] = value
end
local ms = tonumber(ARGV[6])
if ms < tonumber(f[1]) then
  change('first_seen', ARGV[5])
  change('first_seen_ms', ARGV[6])
end
local last = f[2]
if ms > tonumber(last) then
  change('last_seen', ARGV[5])
  change('last_seen_ms', ARGV[6])
  last = ARGV[6]
end
local score = f[3]
if tonumber(ARGV[15]) > tonumber(score) then
  change('priority', ARGV[14])
  change('score', ARGV[15])
  score = ARGV[15]
end
local languages = f[4]
if not string.find(',' .. languages .. ',', ',' .. ARGV[8] .. ',', 1, true) then
  change('languages', languages == '' and ARGV[8] or languages .. ',' .. ARGV[8])
end
local children = f[5]
if ARGV[16] ~= '' and (children == '' or tonumber(ARGV[16]) > tonumber(children)) then
  change('max_children', ARGV[16])
end
if f[6] == '' and ARGV[12] ~= '' then
  change('place', ARGV[12])
end

redis.call('SADD', reporters, ARGV[4])
change('reporter_count', redis.call('SCARD', reporters))
redis.call('HSET', lead, unpack(changes))
redis.call('HINCRBY', lead, 'report_count', 1)
redis.call('RPUSH', reports, ARGV[3])
redis.call('LPUSH', terms, ARGV[17])
redis.call('LTRIM', terms, 0, tonumber(ARGV[18]) - 1)
redis.call('ZADD', KEYS[2], last, id)
redis.call('HSET', KEYS[1], 'entry_id', ARGV[3], 'lead_id', id, 'reporter', ARGV[4], 'received_at', ARGV[5],
  'triaged_at', ARGV[7], 'language', ARGV[8], 'text', ARGV[9], 'triage', ARGV[10])
return {outcome, id, score, last}
