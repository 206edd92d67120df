// The reference pages (docs/reference/<page>.md) and the README's index of resources are made
// from the code by scripts/reference.ts; this regenerates them in memory and holds the committed
// files to them, so that a change to a schema, an Args comment, the registry or a note that is
// not followed by `npm run docs:reference` fails here.
import * as fs from "node:fs";
import * as path from "node:path";
import { registry } from "../../../provider/registry";
import { NOTES_DIR, REFERENCE_DIR, describeType, pageName, pagePath, referencePages, resourceIndex, withIndex } from "../../../scripts/reference";
import { z } from "zod";

const root = path.resolve(__dirname, "../../..");
const read = (file: string) => (fs.existsSync(path.join(root, file)) ? fs.readFileSync(path.join(root, file), "utf8") : undefined);
const markdown = (dir: string) => fs.readdirSync(path.join(root, dir)).filter((f) => f.endsWith(".md")).sort();

describe("the reference pages", () => {
  const pages = referencePages({ root, registry });
  const entries = registry.flatMap((s) => s.resources);

  it("are one per resource of the registry, named after its class", () => {
    expect(pages.map((p) => p.file)).toEqual(entries.map((e) => `${REFERENCE_DIR}/${pageName(e.kind)}.md`));
  });

  it.each(pages.map((p) => [p.file, p.text] as const))("%s is what npm run docs:reference writes", (file, text) => {
    const committed = read(file);
    if (committed === undefined) throw new Error(`${file} is missing: run npm run docs:reference`);
    if (committed !== text) throw new Error(`${file} is stale: run npm run docs:reference`);
  });

  it("include no page without a resource", () => {
    const wanted = new Set(pages.map((p) => path.basename(p.file)));
    const orphans = markdown(REFERENCE_DIR).filter((f) => !wanted.has(f));
    expect(orphans.map((f) => `${REFERENCE_DIR}/${f} has no resource in provider/registry.ts`)).toEqual([]);
  });

  it("include every note, each named after a resource's page or a service", () => {
    const names = new Set([...entries.map((e) => pageName(e.kind)), ...registry.map((s) => s.name)]);
    const orphans = markdown(NOTES_DIR).filter((f) => !names.has(f.replace(/\.md$/, "")));
    expect(orphans.map((f) => `${NOTES_DIR}/${f} names no resource page and no service`)).toEqual([]);
  });

  it("show every input, its default and whether a change replaces", () => {
    for (const entry of entries) {
      const page = pages.find((p) => p.file === pagePath(entry.kind))!.text;
      const inputs = page.slice(page.indexOf("## Inputs"), page.indexOf("## Outputs"));
      for (const key of Object.keys(entry.inputs.shape)) {
        const row = inputs.split("\n").find((line) => line.startsWith(`| \`${key}\` |`));
        expect(row).toBeDefined();
        expect(row).toContain(entry.replaces.includes(key) ? "**replace**" : "in place");
      }
    }
  });
});

describe("the README", () => {
  it("lists every resource once, with the registry's summary and a link to its page", () => {
    const readme = read("README.md")!;
    expect(withIndex(readme, registry)).toBe(readme);
    for (const entry of registry.flatMap((s) => s.resources)) {
      expect(resourceIndex(registry)).toContain(`[\`${entry.kind}\`](${pagePath(entry.kind)}): ${entry.summary}.`);
    }
  });

  it("links only to files that exist", () => {
    const broken: string[] = [];
    for (const file of ["README.md", ...markdown("docs").map((f) => `docs/${f}`), ...markdown(REFERENCE_DIR).map((f) => `${REFERENCE_DIR}/${f}`)]) {
      const text = read(file)!.replace(/```[\s\S]*?```/g, "");
      for (const [, target] of text.matchAll(/\]\(([^)\s#]+)(?:#[^)]*)?\)/g)) {
        if (/^(https?|mailto):/.test(target!)) continue;
        if (!fs.existsSync(path.join(root, path.dirname(file), target!))) broken.push(`${file}: ${target}`);
      }
    }
    expect(broken).toEqual([]);
  });
});

describe("describeType", () => {
  it.each([
    [z.string().max(255).optional(), "string (at most 255 characters)"],
    [z.email().default("a@b.co"), "string (an email address)"],
    [z.boolean().default(true), "boolean"],
    [z.enum(["a", "b"]), "`\"a\"` \\| `\"b\"`"],
    [z.array(z.strictObject({ k: z.string().min(1).max(50) })), "list of { `k`: string (1–50 characters) }"],
    [z.string().transform((s) => s.toUpperCase()).pipe(z.enum(["A"])), "`\"A\"`"],
    [z.string().regex(/^a`b$/), "string (matching `` ^a`b$ ``)"],
  ] as const)("%#", (schema, words) => {
    expect(describeType(schema)).toBe(words);
  });
});
