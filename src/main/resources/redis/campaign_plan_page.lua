-- Counts a fan-out page of recipients into its run's progress, each recipient once: a page replayed after a crash,
-- or a member the audience scan returned twice, adds nothing. The counters follow the dispatch states from here.
-- KEYS[1] run's recipient set, KEYS[2] run's progress hash; ARGV: 1 segments per message, 2… pseudonyms
-- Returns how many recipients were new.
local fresh = 0
for i = 2, #ARGV do
  fresh = fresh + redis.call('SADD', KEYS[1], ARGV[i])
end
if fresh > 0 then
  redis.call('HINCRBY', KEYS[2], 'created', fresh)
  redis.call('HINCRBY', KEYS[2], 'state:planned', fresh)
  redis.call('HINCRBY', KEYS[2], 'segments', fresh * tonumber(ARGV[1]))
end
return fresh
