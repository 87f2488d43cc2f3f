-- wrk script for bench/matching: GET /m/raw_lookup for each query path in the file given after "--",
-- in turn, starting at a random place per connection.
local paths = {}
local next_path = 0

init = function(args)
  for line in io.lines(args[1]) do
    paths[#paths + 1] = line
  end
  next_path = math.random(#paths)
end

request = function()
  next_path = next_path % #paths + 1
  return wrk.format("GET", paths[next_path])
end
