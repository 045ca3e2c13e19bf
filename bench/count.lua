-- wrk script. Counts every response status and prints "status <code> <count>" at the end.
-- With arguments after `--` (path, csrf token, csrftoken cookie, label) it POSTs a sign form
-- with a new email address on every request; without them it GETs the URL given to wrk.

local threads = {}
local counter = 0

function setup(thread)
  thread:set("thread_id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  statuses = {}
  path, token, label = args[1], args[2], args[4]
  if path then
    wrk.method = "POST"
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
    wrk.headers["Cookie"] = "csrftoken=" .. args[3]
  end
end

function request()
  if not path then
    return wrk.format()
  end
  counter = counter + 1
  local email = label .. "-t" .. thread_id .. "-" .. counter .. "%40example.org"
  local body = "csrfmiddlewaretoken=" .. token
    .. "&first_name=Bench&last_name=Signer&email=" .. email
    .. "&country=LT&city=Vilnius&comment=Free+them+all"
  return wrk.format(nil, path, nil, body)
end

function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

function done(summary, latency, requests)
  local totals = {}
  for _, thread in ipairs(threads) do
    for status, count in pairs(thread:get("statuses")) do
      totals[status] = (totals[status] or 0) + count
    end
  end
  for status, count in pairs(totals) do
    io.write(string.format("status %d %d\n", status, count))
  end
end
