-- wrk script: POST one gradient to a parameter chosen round-robin from the file in PATHS_FILE
-- (one "/v1/optimizers/{id}/params/{param_id}/grad" per line; written by textopt_bench.py setup-sessions).
local paths = {}
for line in io.lines(os.getenv("PATHS_FILE")) do
  if #line > 0 then paths[#paths + 1] = line end
end
local i = math.random(#paths)
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"data": "Ask for exactly one word: positive, negative or neutral.", "role": "feedback on the prompt"}'

request = function()
  i = i % #paths + 1
  return wrk.format(nil, paths[i])
end

-- count answers that are not 200, so that a fast stream of errors is never taken for throughput
local bad = 0
response = function(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end
