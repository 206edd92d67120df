// A service that exists only in the registry (no folder of ours, no emulator): the command line
// offers it, and an import declares its objects. Proves that provider/cli names no service and
// that docs/adding-a-service.md's registry step is all the import needs.
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { z } from "zod";
import { run } from "../../../provider/cli/main";
import type { ResourceEntry, ServiceEntry } from "../../../provider/core/registry";
import type { ServiceProfile } from "../../../provider/core/profile";
import { registry } from "../../../provider/registry";
import { validateInputs } from "../../../provider/core/check";

const acmeProfile: ServiceProfile = {
  service: "Acme",
  namespace: "acme",
  envPrefix: "ACME",
  apiUrl: { key: "apiUrl", default: "https://api.acme.test" },
  apiKey: { header: "x-api-key" },
  parseErrorBody: () => ({}),
  paging: { style: "cursor", sizeParam: "limit", cursorParam: "cursor" },
};

const inputs = z.strictObject({
  account: z.string().optional(),
  email: z.email({ message: "email must be a valid email address" }),
  role: z.enum(["member", "owner"]).default("member"),
  adoptExisting: z.boolean().default(false),
});

// What the fake account holds; the listing reads it instead of an API (the client is never used).
const accountUsers = [
  { email: "zoe@example.com", role: "owner" },
  { email: "ann@example.com", role: "member" },
  { email: "not-an-email", role: "member" },
];

const acmeUser: ResourceEntry = {
  kind: "AcmeUser", module: "acme", type: "User", loader: "acme-user",
  summary: "an Acme user", id: "the email",
  inputs, replaces: ["account", "email"],
  check: (news) => {
    const checked = validateInputs(inputs, news, {});
    return { failures: checked.ok ? [] : checked.failures };
  },
  diff: () => ({ replaces: [] }),
  listing: {
    async *list() {
      yield* accountUsers;
    },
    key: (i) => String(i.email),
  },
};
const acme: ServiceEntry = { name: "acme", profile: acmeProfile, personKind: "AcmeUser", resources: [acmeUser] };
const withAcme = [...registry, acme];

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) } };
}

test("a service added to the registry only is listed by `import --help`, with its kinds and the variables it reads", async () => {
  const c = capture();
  expect(await run(["import", "--help"], c.io, {}, withAcme)).toBe(0);
  const help = c.out.join("\n");
  expect(help).toMatch(/^ {2}acme +declares AcmeUser$/m);
  expect(help).toMatch(/reads ACME_API_KEY, ACME_API_URL, ACME_REQUEST_TIMEOUT_MS/);
  // The package's own registry does not know it.
  const plain = capture();
  expect(await run(["import", "acme"], plain.io, {}, registry)).toBe(2);
  expect(plain.err[0]).toBe('pulumi-saas-users import: the service must be one of vectara, connect, arize, not "acme"');
});

test("a service added to the registry only is imported: each object declared as its resource, a refused one named and skipped", async () => {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "acme-")), "out");
  const c = capture();
  expect(await run(["import", "acme", "--out", dir], c.io, { ACME_API_KEY: "k" }, withAcme)).toBe(1);
  expect(c.err).toEqual(['skipped AcmeUser "not-an-email": email: email must be a valid email address']);
  expect(c.out[0]).toBe("acme: 2 AcmeUser declared, 1 skipped");
  const index = fs.readFileSync(path.join(dir, "index.ts"), "utf8");
  expect(index).toContain('import { AcmeUser } from "pulumi-saas-users";');
  // Sorted by key; the schema default (role member) is not written.
  expect(index).toContain('new AcmeUser("ann-example-com", {\n  adoptExisting: true,\n  email: "ann@example.com",\n});');
  expect(index).toContain('new AcmeUser("zoe-example-com", {\n  adoptExisting: true,\n  email: "zoe@example.com",\n  role: "owner",\n});');
  expect(index.indexOf("ann-example-com")).toBeLessThan(index.indexOf("zoe-example-com"));
  // The README names the profile's variables and keys, nobody else's.
  const readme = fs.readFileSync(path.join(dir, "README.md"), "utf8");
  expect(readme).toContain("ACME_API_KEY");
  expect(readme).toContain("`pulumi config set acme:apiKey --secret`");
});
