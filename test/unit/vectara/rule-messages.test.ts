// Each rule's message says what the rule enforces: the characters a message lists as allowed are
// accepted, those it lists as forbidden are refused, and every printable ASCII character is
// accepted exactly when the message allows it.
import type { z } from "zod";
import { corpusInputs } from "../../../provider/vectara/corpora/schema";
import { corpusRoleInput, username } from "../../../provider/vectara/users/schema";

const printable = Array.from({ length: 0x7f - 0x21 }, (_, i) => String.fromCharCode(0x21 + i));
const alnum = /^[A-Za-z0-9]$/;

function messageOf(schema: z.ZodType, value: unknown): string {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error(`${JSON.stringify(value)} was accepted`);
  return parsed.error.issues.map((i) => i.message).join("; ");
}

describe("the username message lists exactly the characters the rule allows", () => {
  const message = messageOf(username, "a/b");
  const allowed = /the characters (.*?) \(not/.exec(message)?.[1]?.split(" ") ?? [];
  const forbidden = /\(not (.*?), whitespace/.exec(message)?.[1]?.split(" ") ?? [];

  it("names allowed and forbidden characters, and no character as both", () => {
    expect(allowed.length).toBeGreaterThan(10);
    expect(forbidden).toEqual(["/", "?", "#", "%"]);
    expect(allowed.filter((c) => forbidden.includes(c))).toEqual([]);
  });

  it.each(printable)("accepts %j exactly when the message allows it", (c) => {
    const listed = alnum.test(c) || allowed.includes(c);
    expect(username.safeParse(`a${c}b`).success).toBe(listed);
  });

  it("keeps its list free of a code span a backtick could break", () => {
    expect(message).not.toMatch(/`[^`]*`/);
  });
});

describe.each<[string, z.ZodType, (key: string) => unknown]>([
  ["corpus key (VectaraCorpus.key)", corpusInputs, (key) => ({ key })],
  ["corpus key in corpusRoles", corpusRoleInput, (corpusKey) => ({ corpusKey, role: "viewer" })],
])("the %s message lists exactly the characters the rule allows", (_name, schema, value) => {
  const message = messageOf(schema, value("a/b"));
  const allowed = /may hold only letters, digits, (.*?)(?: \(|$|;)/.exec(message)?.[1]?.replace(" and ", ", ").split(", ") ?? [];

  it("lists _, = and -", () => {
    expect(allowed.sort()).toEqual(["-", "=", "_"]);
  });

  it.each(printable)("accepts %j exactly when the message allows it", (c) => {
    expect(schema.safeParse(value(`a${c}b`)).success).toBe(alnum.test(c) || allowed.includes(c));
  });
});

describe.each<[string, z.ZodType, (s: string) => unknown, number]>([
  ["username", username, (s) => s, 128],
  ["corpus key", corpusInputs, (key) => ({ key }), 50],
])("the %s length message names the limit the rule enforces", (_name, schema, value, limit) => {
  it(`says at most ${limit} and accepts exactly ${limit}`, () => {
    expect(messageOf(schema, value("k".repeat(limit + 1)))).toContain(`at most ${limit} characters`);
    expect(schema.safeParse(value("k".repeat(limit))).success).toBe(true);
  });
});
