-- Appends one compact entry per campaign recipient to the dispatch stream (a fan-out page: one run, region and
-- language). No dispatch is created here: the worker that takes an entry creates it (dispatch_open.lua).
-- KEYS[1] dispatch stream; ARGV: 1 run id, 2 region, 3 language, 4… recipient pseudonyms. Returns how many.
local run, region, lang = ARGV[1], ARGV[2], ARGV[3]
for i = 4, #ARGV do
  redis.call('XADD', KEYS[1], '*', 'run', run, 'to', ARGV[i], 'region', region, 'lang', lang)
end
return #ARGV - 3
