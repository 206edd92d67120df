// examples/roster-sync checks the roster before it starts the Pulumi CLI: a bad roster is refused
// with its problems, and no workspace, stack or request is ever made.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { syncRoster } from "../../../examples/roster-sync";

test("a bad roster is refused with every problem before the CLI is looked for", async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "roster-sync-unit-"));
  try {
    const roster = path.join(dir, "roster.csv");
    fs.writeFileSync(roster, "email,vectara.apiRoles\na@example.com,superuser\na@example.com,viewer\n");
    // A pulumiRoot with no CLI in it: reaching the CLI would fail with another error.
    const sync = syncRoster({ roster, workDir: dir, pulumiRoot: path.join(dir, "no-cli-here") });
    await expect(sync).rejects.toMatchObject({
      code: "ROSTER_INVALID",
      problems: [
        expect.objectContaining({ file: "roster.csv", line: 2, field: "vectara.apiRoles" }),
        expect.objectContaining({ file: "roster.csv", line: 3, field: "email" }),
      ],
    });
    expect(fs.readdirSync(dir)).toEqual(["roster.csv"]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
