import { credentialsHint } from "../core/settings";
import type { Declared, Listing } from "./listing";

/**
 * The files of an import: a Pulumi TypeScript program declaring every listed user as it is.
 * Nothing here depends on time or listing order, so a second import of the same account is
 * byte-identical.
 */

/** `Alice.O'Neil@Example.com` → `alice-o-neil-example-com`: lowercase words joined by `-`. */
export function baseName(key: string): string {
  const words = key.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "");
  const name = words === "" ? "user" : /^[0-9]/.test(words) ? `u-${words}` : words;
  return name.slice(0, 100).replace(/-+$/, "");
}

/** Names in key order: a collision takes the first free `-2`, `-3`, … after its base. */
export function resourceNames(declared: readonly Declared[]): string[] {
  const used = new Set<string>();
  const bases = new Set(declared.map((d) => baseName(d.key)));
  return declared.map((d) => {
    const base = baseName(d.key);
    let name = base;
    for (let n = 2; used.has(name) || (name !== base && bases.has(name)); n++) name = `${base}-${n}`;
    used.add(name);
    return name;
  });
}

const identifier = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

function literal(value: unknown, indent: string): string {
  if (Array.isArray(value)) return `[${value.map((v) => literal(v, indent)).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value).map(([k, v]) => `${identifier.test(k) ? k : JSON.stringify(k)}: ${literal(v, indent)}`);
    return `{ ${entries.join(", ")} }`;
  }
  return JSON.stringify(value);
}

function declaration(d: Declared, name: string): string {
  const fields = Object.entries(d.args).map(([k, v]) => `  ${k}: ${literal(v, "  ")},`);
  return `new ${d.kind}(${JSON.stringify(name)}, {\n${fields.join("\n")}\n});\n`;
}

export interface ProgramFile { name: string; text: string }

export function programFiles(listing: Listing, opts: { project: string; packageVersion: string; pulumiVersion: string }): ProgramFile[] {
  const service = listing.service.name;
  const names = resourceNames(listing.declared);
  const kinds = [...new Set(listing.declared.map((d) => d.kind))].sort();
  const index = [
    `// Written by \`pulumi-saas-users import ${service}\`: every user of the account as it is, with`,
    "// adoptExisting: true. `pulumi up` adopts them with reads only; a later `pulumi refresh` shows no change.",
    ...(kinds.length > 0 ? [`import { ${kinds.join(", ")} } from "pulumi-saas-users";`] : ["export {};"]),
    "",
    ...listing.declared.map((d, i) => declaration(d, names[i] as string)),
  ].join("\n");
  const readme = [
    `# ${opts.project}`,
    "",
    `The ${service} users of one account, imported by \`npx pulumi-saas-users import ${service}\`:`,
    `${listing.declared.length} declared${listing.refused.length > 0 ? `, ${listing.refused.length} skipped (the import named them and why)` : ""}.`,
    "",
    "1. Review `index.ts`: each user is declared as the account has it, with `adoptExisting: true`.",
    `2. Credentials: ${credentialsHint(listing.service.profile)}. No secret is written here.`,
    "3. `npm install`, `pulumi stack init`, then `pulumi up`: it adopts every user and only reads.",
    "   `pulumi refresh` afterwards shows no change. From then on, edit `index.ts` to change access.",
    "",
    "Removing a declaration applies the resource's `onDelete` policy (see the pulumi-saas-users README).",
    "",
  ].join("\n");
  const pkg = {
    name: opts.project,
    private: true,
    main: "index.ts",
    dependencies: { "@pulumi/pulumi": `^${opts.pulumiVersion}`, "pulumi-saas-users": `^${opts.packageVersion}` },
    devDependencies: { "@types/node": "^20", typescript: "^5" },
  };
  const tsconfig = { compilerOptions: { strict: true, target: "ES2022", module: "nodenext", esModuleInterop: true, skipLibCheck: true }, files: ["index.ts"] };
  return [
    { name: "Pulumi.yaml", text: `name: ${opts.project}\nruntime:\n  name: nodejs\n  options:\n    typescript: true\ndescription: The ${service} users of one account, adopted as they are\n` },
    { name: "README.md", text: readme },
    { name: "index.ts", text: index },
    { name: "package.json", text: `${JSON.stringify(pkg, null, 2)}\n` },
    { name: "tsconfig.json", text: `${JSON.stringify(tsconfig, null, 2)}\n` },
  ];
}
