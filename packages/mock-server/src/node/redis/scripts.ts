// The Redis store's Lua scripts: each rule that must hold across replicas runs as one script, one round trip.
// Every key a script touches comes in KEYS (no key name is built inside a script), and every script's keys
// share one hash tag: a tenant's (one API key's) or the prefix's own. See docs/redis-keys.md.

/**
 * The keys of one tenant, in this order, at KEYS[1..8] of every tenant script (keys.ts builds them).
 * ARGV[1] is the starting balance of a new key, ARGV[2] the retention (ms); a script's own arguments follow.
 */
export const TENANT_KEYS = ['acct', 'task', 'idem', 'list', 'mlist', 'tl', 'expires', 'settle'] as const;

/**
 * Shared by every tenant script: the task codec (Infinity is stored as null), billing settlement and
 * removal. A task JSON holds the StoredTask fields except `expiresAt`, which is derived (endAt + retention).
 */
const TENANT = `
local K_ACCT, K_TASK, K_IDEM, K_LIST = KEYS[1], KEYS[2], KEYS[3], KEYS[4]
local K_MLIST, K_TL, K_EXP, K_SETTLE = KEYS[5], KEYS[6], KEYS[7], KEYS[8]
local STARTING = tonumber(ARGV[1])
local RETENTION = tonumber(ARGV[2])
local NULL = cjson.null

local function num(v)
  if v == nil or v == NULL then return 'inf' end
  return string.format('%.17g', v)
end
-- A task's compact timeline (what a status is derived from), kept for a status filter's scan.
local function timeline(t)
  return num(t.createdAt) .. ' ' .. num(t.processingAt) .. ' ' .. num(t.processingMs) .. ' ' ..
    num(t.endAt) .. ' ' .. t.outcome .. ' ' .. num(t.freezeAt) .. ' ' .. num(t.seed)
end
-- The model index is one sorted set, all scores 0, ordered by member: model, NUL, creation order, NUL, id.
local function mmember(model, seq, id) return model .. '\\0' .. string.format('%016d', seq) .. '\\0' .. id end

local function load(id)
  local raw = redis.call('HGET', K_TASK, id)
  if not raw then return nil end
  return cjson.decode(raw)
end

local function finite(v) return v ~= nil and v ~= NULL end

local function expires(t)
  if not finite(t.endAt) then return nil end
  return t.endAt + RETENTION
end

local function save(t)
  redis.call('HSET', K_TASK, t.id, cjson.encode(t))
  redis.call('HSET', K_TL, t.id, timeline(t))
  local at = expires(t)
  if at then redis.call('ZADD', K_EXP, at, t.id) end
end

local function account()
  local v = redis.call('HMGET', K_ACCT, 'remaining', 'used')
  if not v[1] then return STARTING, 0 end
  return tonumber(v[1]), tonumber(v[2])
end

local function setAccount(remaining, used)
  redis.call('HSET', K_ACCT, 'remaining', remaining, 'used', used)
end

-- Consumes (completed) or returns (failed) the task's reservation, once.
local function settle(t)
  if t.settled then return end
  t.settled = true
  redis.call('ZREM', K_SETTLE, t.id)
  local remaining, used = account()
  if t.outcome == 'completed' then used = used + t.priceUc else remaining = remaining + t.priceUc end
  setAccount(remaining, used)
end

local function settleDue(now)
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', K_SETTLE, '-inf', now)) do
    local t = load(id)
    if t then
      settle(t)
      save(t)
    else
      redis.call('ZREM', K_SETTLE, id)
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
      redis.call('ZREM', K_SETTLE, t.id)
      local remaining, used = account()
      setAccount(remaining + t.priceUc, used)
    end
  end
  local seq = redis.call('ZSCORE', K_LIST, t.id)
  if seq then redis.call('ZREM', K_MLIST, mmember(t.model, tonumber(seq), t.id)) end
  redis.call('HDEL', K_TASK, t.id)
  redis.call('ZREM', K_LIST, t.id)
  redis.call('HDEL', K_TL, t.id)
  redis.call('ZREM', K_EXP, t.id)
  if t.idempotencyKey ~= NULL and t.idempotencyKey ~= nil then
    if redis.call('HGET', K_IDEM, t.idempotencyKey) == t.id then redis.call('HDEL', K_IDEM, t.idempotencyKey) end
  end
end

-- The task unless unknown or expired (an expired one is removed).
local function live(id, now)
  local t = load(id)
  if not t then return nil end
  local at = expires(t)
  if at and at <= now then
    remove(t, now)
    return nil
  end
  return t
end

-- Removes every task expired by now (O(expired)), so the tenant's indexes hold live tasks only.
local function expireDue(now)
  for _, id in ipairs(redis.call('ZRANGEBYSCORE', K_EXP, '-inf', now)) do
    local t = load(id)
    if t then remove(t, now) else redis.call('ZREM', K_EXP, id) end
  end
end
`;

const tenant = (body: string) => TENANT + body;

/**
 * ARGV[3] task JSON, ARGV[4] now, ARGV[5] non-empty when free (a seeded demo task: no credits), ARGV[6]
 * its place in the prefix's creation order (from REGISTER) → {kind, task JSON | remaining}.
 */
export const INSERT_TASK = tenant(`
local t = cjson.decode(ARGV[3])
local now = tonumber(ARGV[4])
local free = ARGV[5] ~= ''
local seq = tonumber(ARGV[6])
settleDue(now)
expireDue(now)
local idem = t.idempotencyKey ~= NULL and t.idempotencyKey ~= nil
if idem then
  local earlierId = redis.call('HGET', K_IDEM, t.idempotencyKey)
  local earlier = earlierId and live(earlierId, now)
  if earlier then
    if earlier.fingerprint == t.fingerprint then return {'replayed', cjson.encode(earlier)} end
    return {'conflict'}
  end
end
if redis.call('HEXISTS', K_TASK, t.id) == 1 then return {'id_taken'} end
local remaining, used = account()
if not free and remaining < t.priceUc then return {'insufficient', tostring(remaining)} end
if free then
  t.settled = true
else
  setAccount(remaining - t.priceUc, used)
  if finite(t.endAt) then redis.call('ZADD', K_SETTLE, t.endAt, t.id) end
end
redis.call('ZADD', K_LIST, seq, t.id)
redis.call('ZADD', K_MLIST, 0, mmember(t.model, seq, t.id))
save(t)
if idem then redis.call('HSET', K_IDEM, t.idempotencyKey, t.id) end
return {'created', cjson.encode(t)}
`);

/** ARGV[3] id, ARGV[4] now → task JSON or false. */
export const GET_TASK = tenant(`
local now = tonumber(ARGV[4])
settleDue(now)
local t = live(ARGV[3], now)
if not t then return false end
return cjson.encode(t)
`);

/** ARGV[3] id, ARGV[4] now: forgets the task (evicted by the size bound), settling or refunding it. */
export const REMOVE_TASK = tenant(`
local now = tonumber(ARGV[4])
local t = load(ARGV[3])
if t then remove(t, now) end
return 0
`);

/** ARGV[3] now: settles and expires what is due (the sweep across tenants) → 0. */
export const SWEEP = tenant(`
local now = tonumber(ARGV[3])
settleDue(now)
expireDue(now)
return 0
`);

/** ARGV[3] now → {{creation order, task JSON}, …} of every live task of the tenant, oldest first. */
export const LIST_TASKS = tenant(`
local now = tonumber(ARGV[3])
settleDue(now)
expireDue(now)
local out = {}
local ids = redis.call('ZRANGE', K_LIST, 0, -1, 'WITHSCORES')
for i = 1, #ids, 2 do
  local raw = redis.call('HGET', K_TASK, ids[i])
  if raw then out[#out + 1] = {ids[i + 1], raw} end
end
return out
`);

/**
 * ARGV[3] model or '', ARGV[4] offset, ARGV[5] limit, ARGV[6] now, ARGV[7] non-empty to scan
 * → {total, task JSONs newest first from offset} from the tenant's (or tenant + model's) index:
 * O(limit) (a model's deep page also walks its offset); or, scanning, {-1, every such task's id oldest
 * first, its compact timeline ('' when unknown)} for a test the caller applies (a status), which then
 * reads the page's tasks by id.
 */
export const PAGE_TASKS = tenant(`
local model = ARGV[3]
local offset, limit, now = tonumber(ARGV[4]), tonumber(ARGV[5]), tonumber(ARGV[6])
settleDue(now)
expireDue(now)
local ids
local total
local lo, hi = '[' .. model .. '\\0', '(' .. model .. '\\1'
local function idOf(member) return string.sub(member, #model + 19) end
if ARGV[7] ~= '' then
  if model == '' then
    ids = redis.call('ZRANGE', K_LIST, 0, -1)
  else
    ids = {}
    for _, m in ipairs(redis.call('ZRANGEBYLEX', K_MLIST, lo, hi)) do ids[#ids + 1] = idOf(m) end
  end
  local out = {}
  for i = 1, #ids, 1000 do
    local chunk = {}
    for j = i, math.min(i + 999, #ids) do chunk[#chunk + 1] = ids[j] end
    for _, v in ipairs(redis.call('HMGET', K_TL, unpack(chunk))) do out[#out + 1] = v or '' end
  end
  return {-1, ids, out}
end
if model == '' then
  total = redis.call('ZCARD', K_LIST)
  ids = offset < total and redis.call('ZREVRANGE', K_LIST, offset, offset + limit - 1) or {}
else
  total = redis.call('ZLEXCOUNT', K_MLIST, lo, hi)
  ids = {}
  if offset < total then
    for _, m in ipairs(redis.call('ZREVRANGEBYLEX', K_MLIST, hi, lo, 'LIMIT', offset, limit)) do ids[#ids + 1] = idOf(m) end
  end
end
local out = {}
for _, id in ipairs(ids) do
  local raw = redis.call('HGET', K_TASK, id)
  if raw then out[#out + 1] = raw end
end
return {total, out}
`);

/** ARGV[3] now, ARGV[4..] ids → the tenant's live tasks among them, each once, in the order asked. */
export const TASKS_BY_IDS = tenant(`
local now = tonumber(ARGV[3])
settleDue(now)
local out, seen = {}, {}
for i = 4, #ARGV do
  local id = ARGV[i]
  if not seen[id] then
    seen[id] = true
    local t = live(id, now)
    if t then out[#out + 1] = cjson.encode(t) end
  end
end
return out
`);

/** ARGV[3] id, ARGV[4] now → {'ended'|'cancelled', task JSON} or false. */
export const CANCEL_TASK = tenant(`
local now = tonumber(ARGV[4])
settleDue(now)
local t = live(ARGV[3], now)
if not t then return false end
if finite(t.endAt) and t.endAt <= now then return {'ended', cjson.encode(t)} end
t.endAt = now
t.outcome = 'failed'
t.cancelled = true
t.failureCode = 'request_cancelled'
settle(t)
save(t)
return {'cancelled', cjson.encode(t)}
`);

/** ARGV[3] now, ARGV[4] new remaining or '' → {remaining, used}. */
export const ACCOUNT = tenant(`
local now = tonumber(ARGV[3])
settleDue(now)
local remaining, used = account()
if ARGV[4] ~= '' then
  remaining = tonumber(ARGV[4])
  setAccount(remaining, used)
end
return {tostring(remaining), tostring(used)}
`);

/** KEYS[1] the tenant's bucket for this rate; ARGV[1] rate per second, ARGV[2] now → seconds to wait (0: go ahead). Same bucket as store/faults.ts. */
export const TAKE_RATE_TOKEN = `
local k = KEYS[1]
local rate = tonumber(ARGV[1])
local capacity = math.max(1, rate)
local now = tonumber(ARGV[2])
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
`;

/**
 * The prefix's task registry (KEYS[1] owners: id → API key, KEYS[2] order: id by creation, KEYS[3]
 * expiry: id by when it is forgotten, KEYS[4] the creation counter, KEYS[5] the tenants):
 * what spans tenants (ids are unique across keys, the size bound, lookups by id alone, sweeps).
 */
const REGISTRY = `
local K_OWNERS, K_ORDER, K_GEXP, K_SEQ, K_TENANTS = KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5]
local function forget(id)
  redis.call('HDEL', K_OWNERS, id)
  redis.call('ZREM', K_ORDER, id)
  redis.call('ZREM', K_GEXP, id)
end
`;

/**
 * ARGV[1] id, ARGV[2] API key, ARGV[3] now, ARGV[4] when it is forgotten ('' never), ARGV[5] the size
 * bound → {seq, {{id, API key}, …}}: its place in the creation order and the oldest tasks beyond the bound
 * (this one counted), for the caller to evict if the create happens; or {0} when the id is taken.
 * Forgets what expired first.
 */
export const REGISTER_TASK = `${REGISTRY}
local now = tonumber(ARGV[3])
for _, id in ipairs(redis.call('ZRANGEBYSCORE', K_GEXP, '-inf', now)) do forget(id) end
if redis.call('HSETNX', K_OWNERS, ARGV[1], ARGV[2]) == 0 then return {0} end
local seq = redis.call('INCR', K_SEQ)
redis.call('ZADD', K_ORDER, seq, ARGV[1])
if ARGV[4] ~= '' then redis.call('ZADD', K_GEXP, ARGV[4], ARGV[1]) end
redis.call('SADD', K_TENANTS, ARGV[2])
local beyond = {}
local excess = redis.call('ZCARD', K_ORDER) - tonumber(ARGV[5])
if excess > 0 then
  for _, id in ipairs(redis.call('ZRANGE', K_ORDER, 0, excess - 1)) do
    beyond[#beyond + 1] = {id, redis.call('HGET', K_OWNERS, id)}
  end
end
return {seq, beyond}
`;

/** ARGV[1] id, ARGV[2] API key: forgets a registration whose insert did not create (or a removed task). */
export const FORGET_TASK = `${REGISTRY}
if redis.call('HGET', K_OWNERS, ARGV[1]) == ARGV[2] then forget(ARGV[1]) end
return 0
`;

/** ARGV[1] id, ARGV[2] when it is forgotten now (a cancelled task ends early). */
export const REEXPIRE_TASK = `${REGISTRY}
if redis.call('HEXISTS', K_OWNERS, ARGV[1]) == 1 then redis.call('ZADD', K_GEXP, ARGV[2], ARGV[1]) end
return 0
`;

/** KEYS[1] fault (hash), KEYS[2] faults (ids in order), KEYS[3] counter; ARGV[1] fault JSON without id → the fault JSON. */
export const ADD_FAULT = `
local fault = cjson.decode(ARGV[1])
fault.id = redis.call('INCR', KEYS[3])
local raw = cjson.encode(fault)
redis.call('HSET', KEYS[1], fault.id, raw)
redis.call('ZADD', KEYS[2], fault.id, fault.id)
return raw
`;

/** KEYS[1] fault, KEYS[2] faults; ARGV[1] path → the fault JSON used up by one, or false. Faults are kept in order of their id. */
export const TAKE_FAULT = `
local path = ARGV[1]
for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local raw = redis.call('HGET', KEYS[1], id)
  local f = raw and cjson.decode(raw)
  if f and f.remaining > 0 and (f.path == nil or string.sub(path, 1, #f.path) == f.path) then
    f.remaining = f.remaining - 1
    if f.remaining <= 0 then
      redis.call('ZREM', KEYS[2], id)
      redis.call('HDEL', KEYS[1], id)
    else
      redis.call('HSET', KEYS[1], id, cjson.encode(f))
    end
    return cjson.encode(f)
  end
end
return false
`;

/** KEYS[1] attempt (hash), KEYS[2] attempts (refs in order), KEYS[3] counter; ARGV[1] attempt JSON, ARGV[2] max records → its ref. */
export const APPEND_ATTEMPT = `
local ref = redis.call('INCR', KEYS[3])
redis.call('HSET', KEYS[1], ref, ARGV[1])
redis.call('ZADD', KEYS[2], ref, ref)
local max = tonumber(ARGV[2])
local excess = redis.call('ZCARD', KEYS[2]) - math.floor(max * 1.1)
if excess > 0 then
  local drop = redis.call('ZRANGE', KEYS[2], 0, redis.call('ZCARD', KEYS[2]) - max - 1)
  for _, r in ipairs(drop) do redis.call('HDEL', KEYS[1], r) end
  redis.call('ZREM', KEYS[2], unpack(drop))
end
return ref
`;

/** KEYS[1] attempt, KEYS[2] attempts; ARGV[1] cutoff: drops attempts from the oldest that started by then and are no longer in flight. */
export const PRUNE_ATTEMPTS = `
local cutoff = tonumber(ARGV[1])
for _, r in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local raw = redis.call('HGET', KEYS[1], r)
  if raw then
    local a = cjson.decode(raw)
    if a.at > cutoff or a.outcome == 'in_flight' then break end
    redis.call('HDEL', KEYS[1], r)
  end
  redis.call('ZREM', KEYS[2], r)
end
return 0
`;

/** KEYS[1] attempt; ARGV[1] ref, ARGV[2] attempt JSON: saves the attempt's later state unless it was pruned meanwhile. */
export const UPDATE_ATTEMPT = `
if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then redis.call('HSET', KEYS[1], ARGV[1], ARGV[2]) end
return 0
`;

/** KEYS[1] jobs (hash), KEYS[2] jobs:due; ARGV[1] job id, ARGV[2] due, ARGV[3] job JSON → 1 stored, 0 kept the stored one. */
export const SCHEDULE_CALLBACK = `
if redis.call('HSETNX', KEYS[1], ARGV[1], ARGV[3]) == 0 then return 0 end
redis.call('ZADD', KEYS[2], ARGV[2], ARGV[1])
return 1
`;

/** KEYS[1] jobs, KEYS[2] jobs:due; ARGV[1] job id: forgets the job. */
export const FINISH_CALLBACK = `
redis.call('HDEL', KEYS[1], ARGV[1])
redis.call('ZREM', KEYS[2], ARGV[1])
return 0
`;

/** KEYS[1] jobs, KEYS[2] jobs:due; ARGV[1] now, ARGV[2] lease ms → due job JSONs, each now leased until now + lease. */
export const CLAIM_DUE_CALLBACKS = `
local now = tonumber(ARGV[1])
local lease = tonumber(ARGV[2])
local out = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', now)) do
  local raw = redis.call('HGET', KEYS[1], id)
  if raw then
    redis.call('ZADD', KEYS[2], now + lease, id)
    out[#out + 1] = raw
  else
    redis.call('ZREM', KEYS[2], id)
  end
end
return out
`;

/**
 * KEYS[1] clock-state (hash: anchor, real, factor, paused, epoch); ARGV[1] ms: a manual clock's time
 * raised to ms (never set back: replicas may lag), the epoch kept; none stored: a state at ms, epoch 0.
 */
export const RAISE_CLOCK = `
local stored = tonumber(redis.call('HGET', KEYS[1], 'anchor'))
local ms = tonumber(ARGV[1])
if not stored then
  redis.call('HSET', KEYS[1], 'anchor', ARGV[1], 'real', '0', 'factor', '1', 'paused', '0', 'epoch', '0')
elseif ms > stored then
  redis.call('HSET', KEYS[1], 'anchor', ARGV[1])
end
return 0
`;

/** KEYS[1] clock-state; ARGV anchor, real, factor, paused (0|1): the state replaced, the epoch one on → the epoch. */
export const REPLACE_CLOCK = `
local epoch = redis.call('HINCRBY', KEYS[1], 'epoch', 1)
redis.call('HSET', KEYS[1], 'anchor', ARGV[1], 'real', ARGV[2], 'factor', ARGV[3], 'paused', ARGV[4])
return epoch
`;

/** KEYS[1] chaos (hash: setting JSON, draws); ARGV[1] setting JSON, or '' to forget it. The draws start over. */
export const SET_CHAOS = `
redis.call('DEL', KEYS[1])
if ARGV[1] ~= '' then redis.call('HSET', KEYS[1], 'setting', ARGV[1]) end
return 1
`;

/** KEYS[1] chaos → [setting JSON or '', draws after counting this one]. */
export const TAKE_CHAOS_DRAW = `
local draws = redis.call('HINCRBY', KEYS[1], 'draws', 1)
return {redis.call('HGET', KEYS[1], 'setting') or '', draws}
`;
