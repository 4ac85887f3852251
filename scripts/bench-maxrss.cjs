// Preloaded by `npm run bench` into the processes it times (node --require): writes the process's peak RSS (KB) to
// the file named by TIGANG_BENCH_RSS when the process exits.
const fs = require("node:fs");
process.on("exit", () => {
  if (process.env.TIGANG_BENCH_RSS) fs.writeFileSync(process.env.TIGANG_BENCH_RSS, String(process.resourceUsage().maxRSS));
});
