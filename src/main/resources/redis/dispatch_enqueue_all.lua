-- Appends many dispatch ids to the dispatch stream in one call (a fan-out page), one entry each, in order.
-- KEYS[1] dispatch stream; ARGV: dispatch ids
for _, id in ipairs(ARGV) do
  redis.call('XADD', KEYS[1], '*', 'dispatch', id)
end
return #ARGV
