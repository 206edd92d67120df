// `npm run bench:connect`: the ConnectUser rows of the bench. A 1,000-user stack made by a real `up`
// of test/harness/fixtures/connect-users through the harness, against the Connect emulator with
// 20 ms latency on every answer; then `refresh` (the whole command: host start, every Read at once,
// a state write per resource) after a few users were changed and deleted on the server. Prints a
// table and writes bench/CONNECT.md.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ConnectEmulator } from "../emulator/connect/server";
import { Stack } from "../test/harness/engine";
import { repo } from "./env";
import { timed } from "./stats";

const USERS = 1000;
const LATENCY_MS = 20;
const project = "connect-users";
const programDir = path.join(repo, "examples/connect-users");
const program = path.join(repo, "dist/test/harness/fixtures/connect-users/index.js");

async function main(): Promise<void> {
  const emulator = await ConnectEmulator.start();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "connect-bench-"));
  try {
    emulator.inject({ kind: "latency", ms: LATENCY_MS });
    const users = Object.fromEntries(Array.from({ length: USERS }, (_, i) => [`u${i}`, { username: `u${String(i).padStart(4, "0")}`, userRole: "viewer" }]));
    const stack = new Stack({
      stateDir: dir, project, stack: "bench", secretConfigKeys: ["connect:apiKey"],
      config: { "connect:serverUrl": emulator.serverUrl, "connect:apiKey": emulator.apiKey, [`${project}:users`]: JSON.stringify(users) },
    });
    const up = await timed(() => stack.up(program, { programDir }));
    if (up.value.error) throw new Error(`up failed: ${up.value.error.slice(0, 1000)}`);
    const resources = stack.state().resources.filter((r) => r.type === "pulumi-nodejs:dynamic/connect:User");
    const edited = resources.filter((_, i) => i % 97 === 5);
    const deleted = resources.filter((_, i) => i % 211 === 7);
    for (const r of edited) emulator.patchUser(r.id, { first_name: "edited" });
    for (const r of deleted) emulator.deleteUser(r.id);
    const before = emulator.requests.length;
    const refresh = await timed(() => stack.refresh({ programDir }));
    if (refresh.value.error) throw new Error(`refresh failed: ${refresh.value.error.slice(0, 1000)}`);
    const calls = emulator.requests.slice(before);
    const pages = calls.filter((r) => r.path === "/__api__/v1/users").length;
    const after = stack.state().resources;
    const wrong = edited.filter((r) => after.find((a) => a.id === r.id)?.outputs.firstName !== "edited").length
      + deleted.filter((r) => after.some((a) => a.id === r.id)).length;
    const stateBytes = fs.statSync(path.join(dir, "state.json")).size;
    const provider = Buffer.byteLength(String(resources[0]?.inputs.__provider));
    const rows = [
      ["C1", `API calls to refresh ${USERS} users (list pages of 500 + single GETs)`, `${calls.length} (${pages} pages)`, "≤ 20"],
      ["C1w", `refresh wall, ${USERS} users, ${LATENCY_MS} ms latency (whole command)`, `${Math.round(refresh.ms)} ms`, "report"],
      ["C1c", "refresh answers wrong (stale, missed change or deletion)", String(wrong), "0"],
      ["C2", `up of ${USERS} users, wall`, `${Math.round(up.ms)} ms`, "report"],
      ["C3", "state bytes per resource", String(Math.round(stateBytes / USERS)), "report"],
      ["C4", "__provider bytes per resource", String(provider), "≤ 1024"],
    ];
    const table = ["| id | figure | value | target |", "|---|---|---|---|", ...rows.map((r) => `| ${r.join(" | ")} |`)].join("\n");
    console.log(table);
    fs.writeFileSync(path.join(repo, "bench/CONNECT.md"), `# ConnectUser bench\n\nOne run of \`npm run bench:connect\` (bench/connect-refresh.ts), ${new Date().toISOString().slice(0, 10)}.\n\n${table}\n\n${edited.length} users were edited and ${deleted.length} deleted on the server before the refresh.\n`);
  } finally {
    await emulator.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
