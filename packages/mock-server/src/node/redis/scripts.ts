// The Redis store's Lua scripts: each rule that must hold across replicas runs as one script, one round trip.
// Every script gets the key prefix as ARGV[1] and the store's settings as ARGV[2..4]; its own arguments follow.

/**
 * Shared by every script: keys, the task codec (Infinity is stored as null), billing settlement and
 * removal. A task JSON holds the StoredTask fields except `expiresAt`, which is derived (endAt + retention).
 */
const COMMON = `
local P = ARGV[1]
local MAX_TASKS = tonumber(ARGV[2])
local STARTING = tonumber(ARGV[3])
local RETENTION = tonumber(ARGV[4])
local NULL = cjson.null

local function tkey(id) return P .. 'task:' .. id end
local function ikey(apiKey, key) return P .. 'idem:' .. apiKey .. '\\0' .. key end
local function akey(apiKey) return P .. 'acct:' .. apiKey end
-- The caller's task list: each key's task ids (and each key + model's) scored by creation order, and
-- every task with an end by when it expires (the member names the indexes to clean if its JSON is gone).
local function kkey(apiKey) return P .. 'ktasks:' .. apiKey end
local function kmkey(apiKey, model) return P .. 'kmtasks:' .. apiKey .. '\\0' .. model end
local function xmember(id, apiKey, model) return id .. '\\0' .. apiKey .. '\\0' .. model end
-- Each key's task timelines, compact (what a status is derived from), for a status filter's scan.
local function tlkey(apiKey) return P .. 'ktl:' .. apiKey end
local function num(v)
  if v == nil or v == NULL then return 'inf' end
  return string.format('%.17g', v)
end
local function timeline(t)
  return num(t.createdAt) .. ' ' .. num(t.processingAt) .. ' ' .. num(t.processingMs) .. ' ' ..
    num(t.endAt) .. ' ' .. t.outcome .. ' ' .. num(t.freezeAt) .. ' ' .. num(t.seed)
end

local function load(id)
  local raw = redis.call('GET', tkey(id))
  if not raw then return nil end
  return cjson.decode(raw)
end

local function finite(v) return v ~= nil and v ~= NULL end

local function expires(t)
  if not finite(t.endAt) then return nil end
  return t.endAt + RETENTION
end

local function save(t, now)
  redis.call('SET', tkey(t.id), cjson.encode(t))
  redis.call('HSET', tlkey(t.apiKey), t.id, timeline(t))
  local at = expires(t)
  if at then
    redis.call('PEXPIRE', tkey(t.id), math.max(1, math.floor(at - now)))
    redis.call('ZADD', P .. 'expires', at, xmember(t.id, t.apiKey, t.model))
  end
end

local function account(apiKey)
  local v = redis.call('HMGET', akey(apiKey), 'remaining', 'used')
  if not v[1] then return STARTING, 0 end
  return tonumber(v[1]), tonumber(v[2])
end

local function setAccount(apiKey, remaining, used)
  redis.call('HSET', akey(apiKey), 'remaining', remaining, 'used', used)
end

-- Consumes (completed) or returns (failed) the task's reservation, once.
local function settle(t)
  if t.settled then return end
  t.settled = true
  redis.call('ZREM', P .. 'settle', t.id)
  local remaining, used = account(t.apiKey)
  if t.outcome == 'completed' then used = used + t.priceUc else remaining = remaining + t.priceUc end
  setAccount(t.apiKey, remaining, used)
end

local function settleDue(now)
  local ids = redis.call('ZRANGEBYSCORE', P .. 'settle', '-inf', now)
  for _, id in ipairs(ids) do
    local t = load(id)
    if t then
      settle(t)
      save(t, now)
    else
      redis.call('ZREM', P .. 'settle', id)
    end
  end
end

-- Forgets a task (expired, evicted): an ended one settles as usual, a running one gives its reservation back.
local function remove(t, now)
  if not t.settled then
    if finite(t.endAt) and t.endAt <= now then
      settle(t)
    else
      t.settled = true
      redis.call('ZREM', P .. 'settle', t.id)
      local remaining, used = account(t.apiKey)
      setAccount(t.apiKey, remaining + t.priceUc, used)
    end
  end
  redis.call('DEL', tkey(t.id))
  redis.call('ZREM', P .. 'tasks', t.id)
  redis.call('ZREM', kkey(t.apiKey), t.id)
  redis.call('ZREM', kmkey(t.apiKey, t.model), t.id)
  redis.call('HDEL', tlkey(t.apiKey), t.id)
  redis.call('ZREM', P .. 'expires', xmember(t.id, t.apiKey, t.model))
  if t.idempotencyKey ~= NULL and t.idempotencyKey ~= nil then
    local k = ikey(t.apiKey, t.idempotencyKey)
    if redis.call('GET', k) == t.id then redis.call('DEL', k) end
  end
  redis.call('HDEL', P .. 'jobs', 'task:' .. t.id)
  redis.call('ZREM', P .. 'jobs:due', 'task:' .. t.id)
end

-- The task unless unknown or expired (an expired one is removed).
local function live(id, now)
  local t = load(id)
  if not t then
    redis.call('ZREM', P .. 'tasks', id)
    return nil
  end
  local at = expires(t)
  if at and at <= now then
    remove(t, now)
    return nil
  end
  return t
end

-- Removes every task expired by now (O(expired)), so the indexes of the caller's list hold live tasks only.
local function expireDue(now)
  for _, m in ipairs(redis.call('ZRANGEBYSCORE', P .. 'expires', '-inf', now)) do
    local a = string.find(m, '\\0', 1, true)
    local b = string.find(m, '\\0', a + 1, true)
    local id, apiKey, model = string.sub(m, 1, a - 1), string.sub(m, a + 1, b - 1), string.sub(m, b + 1)
    local t = load(id)
    if t then
      remove(t, now)
    else
      redis.call('ZREM', P .. 'tasks', id)
      redis.call('ZREM', kkey(apiKey), id)
      redis.call('ZREM', kmkey(apiKey, model), id)
      redis.call('HDEL', tlkey(apiKey), id)
      redis.call('ZREM', P .. 'expires', m)
    end
  end
end
`;

const script = (body: string) => COMMON + body;

/** ARGV[5] task JSON, ARGV[6] now, ARGV[7] '1' when free (a seeded demo task: no credits) → {kind, task JSON | remaining}. */
export const INSERT_TASK = script(`
local t = cjson.decode(ARGV[5])
local now = tonumber(ARGV[6])
local free = ARGV[7] == '1'
settleDue(now)
if t.idempotencyKey ~= NULL and t.idempotencyKey ~= nil then
  local earlierId = redis.call('GET', ikey(t.apiKey, t.idempotencyKey))
  local earlier = earlierId and live(earlierId, now)
  if earlier then
    if earlier.fingerprint == t.fingerprint then return {'replayed', cjson.encode(earlier)} end
    return {'conflict'}
  end
end
if redis.call('EXISTS', tkey(t.id)) == 1 then return {'id_taken'} end
local remaining, used = account(t.apiKey)
if not free and remaining < t.priceUc then return {'insufficient', tostring(remaining)} end
while redis.call('ZCARD', P .. 'tasks') >= MAX_TASKS do
  local oldest = redis.call('ZRANGE', P .. 'tasks', 0, 0)[1]
  local o = load(oldest)
  if o then remove(o, now) else redis.call('ZREM', P .. 'tasks', oldest) end
end
if free then
  t.settled = true
else
  remaining, used = account(t.apiKey)
  setAccount(t.apiKey, remaining - t.priceUc, used)
  if finite(t.endAt) then redis.call('ZADD', P .. 'settle', t.endAt, t.id) end
end
local seq = redis.call('INCR', P .. 'tasks:seq')
redis.call('ZADD', P .. 'tasks', seq, t.id)
redis.call('ZADD', kkey(t.apiKey), seq, t.id)
redis.call('ZADD', kmkey(t.apiKey, t.model), seq, t.id)
save(t, now)
if t.idempotencyKey ~= NULL and t.idempotencyKey ~= nil then
  local k = ikey(t.apiKey, t.idempotencyKey)
  redis.call('SET', k, t.id)
  local at = expires(t)
  if at then redis.call('PEXPIRE', k, math.max(1, math.floor(at - now))) end
end
return {'created', cjson.encode(t)}
`);

/** ARGV[5] id, ARGV[6] now → task JSON or false. */
export const GET_TASK = script(`
local now = tonumber(ARGV[6])
settleDue(now)
local t = live(ARGV[5], now)
if not t then return false end
return cjson.encode(t)
`);

/** ARGV[5] now → every live task's JSON, oldest first. */
export const LIST_TASKS = script(`
local now = tonumber(ARGV[5])
settleDue(now)
local out = {}
for _, id in ipairs(redis.call('ZRANGE', P .. 'tasks', 0, -1)) do
  local t = live(id, now)
  if t then out[#out + 1] = cjson.encode(t) end
end
return out
`);

/**
 * ARGV[5] apiKey, ARGV[6] model or '', ARGV[7] offset, ARGV[8] limit, ARGV[9] now, ARGV[10] '1' to scan
 * → {total, task JSONs newest first from offset} from the key's (or key + model's) index: O(limit);
 * or, scanning, {-1, every such task's id oldest first, its compact timeline ('' when unknown)} for
 * a test the caller applies (a status), which then reads the page's tasks by id.
 */
export const PAGE_TASKS = script(`
local apiKey, model = ARGV[5], ARGV[6]
local offset, limit, now = tonumber(ARGV[7]), tonumber(ARGV[8]), tonumber(ARGV[9])
settleDue(now)
expireDue(now)
local k = model == '' and kkey(apiKey) or kmkey(apiKey, model)
local out = {}
if ARGV[10] == '1' then
  local ids = redis.call('ZRANGE', k, 0, -1)
  for i = 1, #ids, 1000 do
    local chunk = {}
    for j = i, math.min(i + 999, #ids) do chunk[#chunk + 1] = ids[j] end
    for _, v in ipairs(redis.call('HMGET', tlkey(apiKey), unpack(chunk))) do out[#out + 1] = v or '' end
  end
  return {-1, ids, out}
end
local total = redis.call('ZCARD', k)
if offset < total then
  for _, id in ipairs(redis.call('ZREVRANGE', k, offset, offset + limit - 1)) do
    local raw = redis.call('GET', tkey(id))
    if raw then
      out[#out + 1] = raw
    else
      redis.call('ZREM', k, id)
      total = total - 1
    end
  end
end
return {total, out}
`);

/** ARGV[5] apiKey, ARGV[6] now, ARGV[7..] ids → the key's live tasks among them, each once, in the order asked. */
export const TASKS_BY_IDS = script(`
local apiKey, now = ARGV[5], tonumber(ARGV[6])
settleDue(now)
local out, seen = {}, {}
for i = 7, #ARGV do
  local id = ARGV[i]
  if not seen[id] then
    seen[id] = true
    local t = live(id, now)
    if t and t.apiKey == apiKey then out[#out + 1] = cjson.encode(t) end
  end
end
return out
`);

/** ARGV[5] id, ARGV[6] now → {'ended'|'cancelled', task JSON} or false. */
export const CANCEL_TASK = script(`
local now = tonumber(ARGV[6])
settleDue(now)
local t = live(ARGV[5], now)
if not t then return false end
if finite(t.endAt) and t.endAt <= now then return {'ended', cjson.encode(t)} end
t.endAt = now
t.outcome = 'failed'
t.cancelled = true
t.failureCode = 'request_cancelled'
settle(t)
save(t, now)
redis.call('HDEL', P .. 'jobs', 'task:' .. t.id)
redis.call('ZREM', P .. 'jobs:due', 'task:' .. t.id)
return {'cancelled', cjson.encode(t)}
`);

/** ARGV[5] apiKey, ARGV[6] now, ARGV[7] new remaining or '' → {remaining, used}. */
export const ACCOUNT = script(`
local now = tonumber(ARGV[6])
settleDue(now)
local remaining, used = account(ARGV[5])
if ARGV[7] ~= '' then
  remaining = tonumber(ARGV[7])
  setAccount(ARGV[5], remaining, used)
end
return {tostring(remaining), tostring(used)}
`);

/** ARGV[5] apiKey, ARGV[6] rate per second, ARGV[7] now → seconds to wait (0: go ahead). Same bucket as store/faults.ts. */
export const TAKE_RATE_TOKEN = script(`
local k = P .. 'rate:' .. ARGV[6] .. ':' .. ARGV[5]
local rate = tonumber(ARGV[6])
local capacity = math.max(1, rate)
local now = tonumber(ARGV[7])
local v = redis.call('HMGET', k, 'tokens', 'at')
local tokens, at = tonumber(v[1]), tonumber(v[2])
if not tokens then
  tokens, at = capacity, now
elseif now > at then
  tokens = math.min(capacity, tokens + ((now - at) / 1000) * rate)
  at = now
end
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.max(1, math.ceil((1 - tokens) / rate)) end
redis.call('HSET', k, 'tokens', tostring(tokens), 'at', at)
redis.call('PEXPIRE', k, 3600000)
return wait
`);

/** ARGV[5] path → the fault JSON used up by one, or false. Faults are kept in order of their id. */
export const TAKE_FAULT = script(`
local path = ARGV[5]
for _, id in ipairs(redis.call('ZRANGE', P .. 'faults', 0, -1)) do
  local raw = redis.call('HGET', P .. 'fault', id)
  local f = raw and cjson.decode(raw)
  if f and f.remaining > 0 and (f.path == nil or string.sub(path, 1, #f.path) == f.path) then
    f.remaining = f.remaining - 1
    if f.remaining <= 0 then
      redis.call('ZREM', P .. 'faults', id)
      redis.call('HDEL', P .. 'fault', id)
    else
      redis.call('HSET', P .. 'fault', id, cjson.encode(f))
    end
    return cjson.encode(f)
  end
end
return false
`);

/** ARGV[5] attempt JSON, ARGV[6] prune cutoff, ARGV[7] max records → the attempt's ref. */
export const APPEND_ATTEMPT = script(`
local ref = redis.call('INCR', P .. 'attempts:seq')
redis.call('HSET', P .. 'attempt', ref, ARGV[5])
redis.call('ZADD', P .. 'attempts', ref, ref)
local max = tonumber(ARGV[7])
local excess = redis.call('ZCARD', P .. 'attempts') - math.floor(max * 1.1)
if excess > 0 then
  local drop = redis.call('ZRANGE', P .. 'attempts', 0, redis.call('ZCARD', P .. 'attempts') - max - 1)
  for _, r in ipairs(drop) do redis.call('HDEL', P .. 'attempt', r) end
  redis.call('ZREM', P .. 'attempts', unpack(drop))
end
return ref
`);

/** ARGV[5] cutoff: drops attempts from the oldest that started by then and are no longer in flight. */
export const PRUNE_ATTEMPTS = script(`
local cutoff = tonumber(ARGV[5])
for _, r in ipairs(redis.call('ZRANGE', P .. 'attempts', 0, -1)) do
  local raw = redis.call('HGET', P .. 'attempt', r)
  if raw then
    local a = cjson.decode(raw)
    if a.at > cutoff or a.outcome == 'in_flight' then break end
    redis.call('HDEL', P .. 'attempt', r)
  end
  redis.call('ZREM', P .. 'attempts', r)
end
return 0
`);

/** ARGV[5] now, ARGV[6] lease ms → due job JSONs, each now leased until now + lease. */
export const CLAIM_DUE_CALLBACKS = script(`
local now = tonumber(ARGV[5])
local lease = tonumber(ARGV[6])
local out = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', P .. 'jobs:due', '-inf', now)) do
  local raw = redis.call('HGET', P .. 'jobs', id)
  if raw then
    redis.call('ZADD', P .. 'jobs:due', now + lease, id)
    out[#out + 1] = raw
  else
    redis.call('ZREM', P .. 'jobs:due', id)
  end
end
return out
`);

/** ARGV[5] ref, ARGV[6] attempt JSON: saves the attempt's later state unless it was pruned meanwhile. */
export const UPDATE_ATTEMPT = script(`
if redis.call('HEXISTS', P .. 'attempt', ARGV[5]) == 1 then redis.call('HSET', P .. 'attempt', ARGV[5], ARGV[6]) end
return 0
`);

/** ARGV[5] ms: the manual clock's time, raised to ms (never set back: replicas may lag). */
export const RAISE_CLOCK = script(`
local stored = tonumber(redis.call('GET', P .. 'clock'))
local ms = tonumber(ARGV[5])
if not stored or ms > stored then redis.call('SET', P .. 'clock', ARGV[5]) end
return 0
`);
