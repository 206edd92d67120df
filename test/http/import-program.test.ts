// `pulumi-saas-users import <service>` against each emulator: what it lists, what it writes (and
// never writes), and how it fails. Judged by the files and the emulator's request log.
import * as fs from "node:fs";
import { seedArize, seedConnect, seedVectara } from "./import-seeds";
import { declaredNames, importEmulators, runImport } from "./import-setup";

const { em, envOf } = importEmulators();
const emulatorOf = { vectara: () => em.vectara, connect: () => em.connect, arize: () => em.arize };
const seedOf = { vectara: () => seedVectara(em.vectara), connect: () => seedConnect(em.connect), arize: () => seedArize(em.arize) };
const secretsOf = { vectara: () => [em.vectara.apiKey, em.vectara.clientSecret], connect: () => [em.connect.apiKey], arize: () => [em.arize.apiKey] };
const resourceName = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

describe.each(["vectara", "connect", "arize"] as const)("%s", (service) => {
  test("declares every user once, with adoptExisting, under unique valid names; a second import is byte-identical", async () => {
    seedOf[service]();
    const first = await runImport(["import", service], envOf[service]());
    expect(first.err).toEqual([]);
    expect(first.code).toBe(0);
    expect(Object.keys(first.files)).toEqual(["Pulumi.yaml", "README.md", "index.ts", "package.json", "tsconfig.json"]);
    const names = declaredNames(first.files["index.ts"]!);
    const total = service === "vectara" ? 253 : 250; // and the 3 corpora the users' roles name
    expect(names).toHaveLength(total);
    expect(new Set(names).size).toBe(total);
    for (const name of names) expect(name).toMatch(resourceName);
    expect(first.files["index.ts"]!.match(/adoptExisting: true,/g)).toHaveLength(total);
    expect(first.out[0]).toMatch(new RegExp(`^${service}: (3 VectaraCorpus, )?250 \\w+User declared, 0 skipped$`));

    const again = await runImport(["import", service], envOf[service]());
    expect(again.files).toEqual(first.files);
    expect(emulatorOf[service]().requests.every((r) => r.method === "GET")).toBe(true);
  });

  test("writes no secret: neither the key nor any other credential appears in any file or message", async () => {
    seedOf[service]();
    const r = await runImport(["import", service], envOf[service]());
    const everything = [...Object.values(r.files), ...r.out, ...r.err].join("\n");
    for (const secret of secretsOf[service]()) expect(everything).not.toContain(secret);
    // Only the README names where credentials go; the program and its settings hold none.
    const program = [r.files["index.ts"], r.files["Pulumi.yaml"], r.files["package.json"]].join("\n");
    expect(program).not.toMatch(/apiKey|password|oneTimeCode|clientSecret|secret/i);
  });

  test("--dry-run prints the summary and writes nothing", async () => {
    seedOf[service]();
    const r = await runImport(["import", service, "--dry-run"], envOf[service]());
    expect(r.code).toBe(0);
    expect(fs.existsSync(r.dir)).toBe(false);
    expect(r.out).toEqual([expect.stringMatching(/250 \w+User declared, 0 skipped/), expect.stringMatching(/^would write .*index\.ts/)]);
  });

  test("a wrong key fails with the service's error and its hint, and writes nothing", async () => {
    const r = await runImport(["import", service], { ...envOf[service](), [Object.keys(envOf[service]()).find((k) => k.endsWith("API_KEY"))!]: "not-the-key" });
    expect(r.code).toBe(1);
    expect(r.err).toEqual([expect.stringMatching(/^error: .*40[13].*hint: /)]);
    expect(r.err.join("")).not.toContain("not-the-key");
    expect(fs.existsSync(r.dir)).toBe(false);
  });

  test("an unreachable server fails with the URL's config named, and writes nothing", async () => {
    const env = Object.fromEntries(Object.entries(envOf[service]()).map(([k, v]) => [k, k.endsWith("API_KEY") ? v : "http://127.0.0.1:9"]));
    const r = await runImport(["import", service], { ...env, [`${service.toUpperCase()}_MAX_RETRIES`]: "0" });
    expect(r.code).toBe(1);
    expect(r.err).toEqual([expect.stringMatching(/^error: .*hint: check \w+:\w+ and the network path to it/)]);
    expect(fs.existsSync(r.dir)).toBe(false);
  });

  test("missing credentials name the environment variable to set", async () => {
    const { [Object.keys(envOf[service]()).find((k) => k.endsWith("API_KEY"))!]: _key, ...env } = envOf[service]();
    const r = await runImport(["import", service], env);
    expect(r.code).toBe(1);
    expect(r.err.join("\n")).toContain(`${service.toUpperCase()}_API_KEY`);
  });

  test("progress is reported only through the terminal hook, and ends cleared", async () => {
    seedOf[service]();
    const progress: string[] = [];
    await runImport(["import", service, "--dry-run"], envOf[service](), { progress });
    expect(progress).toContain(`listing ${service} users: 250`);
    expect(progress.at(-1)).toBe("");
  });
});

test("colliding names are resolved in sorted order: the first keeps the name, the next takes -2", async () => {
  em.vectara.seedUser({ email: "alice-smith@example.com" });
  em.vectara.seedUser({ email: "Alice.Smith@example.com" });
  em.vectara.seedUser({ email: "alice_smith@example.com" });
  const r = await runImport(["import", "vectara"], envOf.vectara());
  const index = r.files["index.ts"]!;
  expect(declaredNames(index)).toEqual(["alice-smith-example-com", "alice-smith-example-com-2", "alice-smith-example-com-3"]);
  // Sorted by the exact username: "A" < "a", "-" < "_".
  expect(index.indexOf('"Alice.Smith@example.com"')).toBeLessThan(index.indexOf('"alice-smith@example.com"'));
  expect(index.indexOf('"alice-smith@example.com"')).toBeLessThan(index.indexOf('"alice_smith@example.com"'));

  // The API now lists them in another order: the files do not change.
  em.vectara.deleteUser("alice-smith@example.com");
  em.vectara.seedUser({ email: "alice-smith@example.com" });
  expect(em.vectara.users().map((u) => u.email).at(-1)).toBe("alice-smith@example.com");
  expect((await runImport(["import", "vectara"], envOf.vectara())).files).toEqual(r.files);
});

test("a Vectara corpus or user the resources' rules refuse is named on stderr and skipped; the exit code is 1", async () => {
  em.vectara.seedUser({ email: "ok@example.com" });
  em.vectara.seedUser({ email: "spaced@example.com", username: "has space" });
  // The spec's key pattern is anchored only at its end, so the API takes a key VectaraCorpus refuses.
  em.vectara.seedCorpus({ key: "my corpus" });
  const r = await runImport(["import", "vectara"], envOf.vectara());
  expect(r.code).toBe(1);
  expect(r.err).toEqual([
    expect.stringMatching(/^skipped VectaraCorpus "my corpus": key: key may hold only/),
    expect.stringMatching(/^skipped VectaraUser "has space": username: username may hold only/),
  ]);
  expect(r.out[0]).toBe("vectara: 0 VectaraCorpus, 1 VectaraUser declared, 2 skipped");
  expect(declaredNames(r.files["index.ts"]!)).toEqual(["ok-example-com"]);
});

test("a Connect user whose username ConnectUser refuses (whitespace) is named and skipped; the others are written", async () => {
  em.connect.seedUser({ username: "ok", user_role: "viewer" });
  em.connect.seedUser({ username: "john smith", user_role: "viewer" });
  const r = await runImport(["import", "connect"], envOf.connect());
  expect(r.code).toBe(1);
  expect(r.err).toEqual([expect.stringMatching(/^skipped ConnectUser "john smith": username: username cannot contain whitespace/)]);
  expect(declaredNames(r.files["index.ts"]!)).toEqual(["ok"]);
});

test("declares each corpus and user as the account has it, corpora first, omitting the resources' defaults", async () => {
  em.vectara.seedCorpus({ key: "docs", name: "Documentation", description: "Manuals" });
  em.vectara.seedCorpus({ key: "legal" });
  em.vectara.seedUser({ email: "dana@example.com", username: "dana", description: "Ops", api_roles: ["viewer", "administrator"], corpus_roles: [{ corpus_key: "docs", role: "editor" }] }, { enabled: false });
  // An account's settings come from its own environment prefix, as for the resources.
  const r = await runImport(["import", "vectara", "--account", "prod"], { VECTARA_PROD_API_URL: em.vectara.url, VECTARA_PROD_API_KEY: em.vectara.apiKey });
  expect(r.files["index.ts"]).toContain([
    'new VectaraCorpus("docs", {',
    '  account: "prod",',
    "  adoptExisting: true,",
    '  key: "docs",',
    '  name: "Documentation",',
    '  description: "Manuals",',
    "});",
    "",
    'new VectaraCorpus("legal", {',
    '  account: "prod",',
    "  adoptExisting: true,",
    '  key: "legal",',
    "});",
    "",
    'new VectaraUser("dana", {',
    '  account: "prod",',
    "  adoptExisting: true,",
    '  email: "dana@example.com",',
    '  username: "dana",',
    '  description: "Ops",',
    "  enabled: false,",
    '  apiRoles: ["administrator", "viewer"],',
    '  corpusRoles: [{ corpusKey: "docs", role: "editor" }],',
    "});",
  ].join("\n"));
});

test("unknown commands, services and formats are usage errors (exit 2) that write nothing", async () => {
  for (const args of [["export", "vectara"], ["import", "okta"], ["import", "vectara", "--format", "csv"], ["import", "vectara", "--bogus"]]) {
    const r = await runImport(args, envOf.vectara());
    expect(r.code).toBe(2);
    expect(r.err[1]).toMatch(/^Run pulumi-saas-users( import)? --help for usage\.$/);
    expect(fs.existsSync(r.dir)).toBe(false);
  }
});

test("an import without credentials names the environment variable to set, sends no request and writes nothing", async () => {
  const noServer = await runImport(["import", "connect"], {});
  expect(noServer.code).toBe(1);
  expect(noServer.err).toEqual(["error: no Connect server URL configured — hint: set CONNECT_SERVER (outside a stack, settings come from the environment)"]);
  for (const service of ["vectara", "connect", "arize"] as const) {
    const { [`${service.toUpperCase()}_API_KEY`]: _key, ...withoutKey } = envOf[service]();
    const r = await runImport(["import", service], withoutKey);
    expect(r.code).toBe(1);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(new RegExp(`^error: no \\w+ credentials configured — hint: set ${service.toUpperCase()}_API_KEY \\(outside a stack`));
    expect(r.err[0]).not.toContain("pulumi config");
    expect(fs.existsSync(r.dir)).toBe(false);
    expect(emulatorOf[service]().requests).toEqual([]);
  }
});
