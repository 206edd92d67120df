// `pulumi-saas-users import <service> --format roster` against each emulator: one roster.yaml in the
// shape examples/roster reads (people keyed by email, a block per service), deterministic, no secret.
import { parse } from "yaml";
import { seedArize, seedConnect, seedVectara } from "./import-seeds";
import { importEmulators, runImport } from "./import-setup";

const { em, envOf } = importEmulators();

type Roster = { people: Record<string, Record<string, Record<string, unknown>>> };

test("a Vectara roster holds each person once under their email, roles as maps, and no corpora; a re-import is byte-identical", async () => {
  seedVectara(em.vectara);
  const r = await runImport(["import", "vectara", "--format", "roster"], envOf.vectara());
  // Vectara's emails are unique (case-insensitively), so every user is one person and none is skipped.
  expect(r.code).toBe(0);
  expect(r.err).toEqual([]);
  expect(Object.keys(r.files)).toEqual(["roster.yaml"]);
  const roster = parse(r.files["roster.yaml"]!) as Roster;
  expect(Object.keys(roster)).toEqual(["people"]);
  expect(Object.keys(roster.people)).toHaveLength(250);
  const dana = em.vectara.users().find((u) => u.corpus_roles.length > 0 && u.username !== u.email)!;
  expect(roster.people[dana.email]).toEqual({
    vectara: expect.objectContaining({ adoptExisting: true, username: dana.username, corpusRoles: { [dana.corpus_roles[0]!.corpus_key]: dana.corpus_roles[0]!.role } }),
  });
  expect(Object.values(roster.people).filter((p) => p.vectara!.enabled === false)).toHaveLength(em.vectara.users().filter((u) => !u.enabled).length);
  expect(r.files["roster.yaml"]).not.toContain(em.vectara.apiKey);
  expect((await runImport(["import", "vectara", "--format", "roster"], envOf.vectara())).files).toEqual(r.files);
});

test("an Arize roster keeps name, role and isDeveloper; odd names survive the YAML as text", async () => {
  seedArize(em.arize);
  const r = await runImport(["import", "arize", "--format", "roster"], envOf.arize());
  expect(r.code).toBe(0);
  const roster = parse(r.files["roster.yaml"]!) as Roster;
  expect(Object.keys(roster.people)).toHaveLength(250);
  for (const user of em.arize.users()) {
    expect(roster.people[user.email]).toEqual({ arize: { adoptExisting: true, name: user.name, ...(user.role.name !== "MEMBER" && { role: user.role.name }), isDeveloper: user.is_developer } });
  }
});

test("a Connect user without an email cannot be keyed in a roster: it is named, skipped, and the exit code is 1", async () => {
  em.connect.seedUser({ username: "alice", email: "alice@example.com", user_role: "publisher" }, { locked: true });
  em.connect.seedUser({ username: "svc-bot", user_role: "viewer" });
  const r = await runImport(["import", "connect", "--format", "roster"], envOf.connect());
  expect(r.code).toBe(1);
  expect(r.err).toEqual([expect.stringMatching(/^skipped ConnectUser "svc-bot": email: the user has none/)]);
  expect(r.out[0]).toBe("connect: 1 ConnectUser declared, 1 skipped");
  expect(parse(r.files["roster.yaml"]!)).toEqual({ people: { "alice@example.com": { connect: { adoptExisting: true, username: "alice", userRole: "publisher", locked: true } } } });
});

test("a Connect account of 250 gives a roster of the people with an email, each once (emails compared without case)", async () => {
  seedConnect(em.connect);
  const r = await runImport(["import", "connect", "--format", "roster", "--dry-run"], envOf.connect());
  // Emails that differ only in case are one person.
  const withEmail = new Set(em.connect.users().filter((u) => u.email).map((u) => u.email!.toLowerCase())).size;
  expect(r.out[0]).toBe(`connect: ${withEmail} ConnectUser declared, ${250 - withEmail} skipped`);
  expect(r.out[1]).toMatch(/^would write .*roster\.yaml$/);
  expect(r.files).toEqual({});
});
