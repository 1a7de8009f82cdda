-- Adds another lead's reports to an open lead (the second half of a merge; the first marked the other lead merged).
-- Safe to run again: reports already present are skipped. Every key in the surviving lead's region slot.
-- KEYS: 1 lead hash, 2 report list, 3 reporter set, 4 history list, 5 foreign-report hash, 6 open-lead index
-- ARGV: 1 history entry (JSON), 2 this lead's region slug ('none' without one),
--       3 the other lead as JSON: entries [[entry id, region slug of its report hash]], reporters [..],
--         first_seen, first_seen_ms, last_seen, last_seen_ms, score, priority, languages [..], max_children (-1: none), place
-- Returns {'ok', score, last seen ms} or {'missing'} or {'status:<current>'}.
if redis.call('EXISTS', KEYS[1]) == 0 then
  return {'missing'}
end
local status = redis.call('HGET', KEYS[1], 'status')
if status ~= 'new' and status ~= 'in_review' then
  return {'status:' .. status}
end
local other = cjson.decode(ARGV[3])
for _, entry in ipairs(other.entries) do
  if not redis.call('LPOS', KEYS[2], entry[1]) then
    redis.call('RPUSH', KEYS[2], entry[1])
    if entry[2] ~= ARGV[2] then
      redis.call('HSET', KEYS[5], entry[1], entry[2])
    end
  end
end
for _, reporter in ipairs(other.reporters) do
  redis.call('SADD', KEYS[3], reporter)
end
local lead = KEYS[1]
if tonumber(other.first_seen_ms) < tonumber(redis.call('HGET', lead, 'first_seen_ms')) then
  redis.call('HSET', lead, 'first_seen', other.first_seen, 'first_seen_ms', other.first_seen_ms)
end
if tonumber(other.last_seen_ms) > tonumber(redis.call('HGET', lead, 'last_seen_ms')) then
  redis.call('HSET', lead, 'last_seen', other.last_seen, 'last_seen_ms', other.last_seen_ms)
end
if tonumber(other.score) > tonumber(redis.call('HGET', lead, 'score')) then
  redis.call('HSET', lead, 'priority', other.priority, 'score', other.score)
end
for _, language in ipairs(other.languages) do
  local languages = redis.call('HGET', lead, 'languages')
  if not string.find(',' .. languages .. ',', ',' .. language .. ',', 1, true) then
    redis.call('HSET', lead, 'languages', languages == '' and language or languages .. ',' .. language)
  end
end
local children = redis.call('HGET', lead, 'max_children')
if tonumber(other.max_children) >= 0 and (children == '' or tonumber(other.max_children) > tonumber(children)) then
  redis.call('HSET', lead, 'max_children', other.max_children)
end
if redis.call('HGET', lead, 'place') == '' and other.place ~= '' then
  redis.call('HSET', lead, 'place', other.place)
end
redis.call('HSET', lead, 'report_count', redis.call('LLEN', KEYS[2]), 'reporter_count', redis.call('SCARD', KEYS[3]))
local last = redis.call('HGET', lead, 'last_seen_ms')
redis.call('ZADD', KEYS[6], last, redis.call('HGET', lead, 'id'))
redis.call('RPUSH', KEYS[4], ARGV[1])
return {'ok', redis.call('HGET', lead, 'score'), last}
