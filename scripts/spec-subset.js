#!/usr/bin/env node
/**
 * Cuts an OpenAPI 3 document down to the operations a test suite judges, so that the tests read a
 * file in the repository instead of a published spec beside it.
 *
 * Kept: the chosen operations with everything that constrains a message (schemas, enums, patterns,
 * formats, limits, required, nullable, readOnly, defaults, security), and, transitively through
 * `$ref` and discriminator mappings, every component they reach (schemas, parameters, responses,
 * requestBodies, headers, ...), plus the security schemes named by the kept `security` lists.
 * Dropped: descriptions, summaries, examples, externalDocs, tags, and the extensions that only
 * feed documentation or SDK naming (DOC_ONLY_EXTENSIONS). A property *named* `description` stays:
 * names (under `properties`, `paths`, `responses`, ...) are never taken for keywords. A Response
 * keeps its required `description`, emptied.
 *
 * Order is the source's (which is also the order validators report errors in); the output is
 * 2-space JSON with a trailing newline, so the same input always gives the same bytes.
 *
 *   node scripts/spec-subset.js FULL_SPEC SELECTOR...   prints the subset on stdout
 *   node scripts/spec-subset.js --manifest FILE         writes every subset FILE lists
 *
 * A SELECTOR is a path ("/v2/corpora": that path, every method), a path prefix ending in `*`
 * ("/v2/users*": every path that starts with /v2/users), either one after a method
 * ("GET /v2/chats": that method only), or an operationId ("listChats").
 * A manifest maps each output file (relative to the manifest) to { "from": the full spec,
 * relative to the repository root, "keep": [SELECTOR, ...], "provenance"?: {...} }. A provenance,
 * when given, is written into the subset as its last top-level field, `x-provenance`, so the file
 * says where it comes from. An entry whose full spec is not beside the clone is skipped, with a line
 * that says so (its committed subset stays as it is).
 */
const fs = require("node:fs");
const path = require("node:path");
const { parse } = require("yaml");

const REPO_ROOT = path.resolve(__dirname, "..");
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace", "query"];
const DROPPED_KEYWORDS = new Set(["description", "summary", "example", "examples", "externalDocs", "tags"]);
/** Extensions read only by documentation sites and SDK generators for names, logos and samples. */
const DOC_ONLY_EXTENSIONS = /^x-(logo|dark-logo|tagGroups|codeSamples|code-samples|displayName|fern-examples|fern-sdk-.*|fern-server-name|fern-type-name)$/;
/** Keywords whose value is a map from names (property names, status codes, media types...) to objects. */
const NAMED_MAPS = new Set([
  "properties", "patternProperties", "dependentSchemas", "$defs", "definitions", "paths", "webhooks", "responses",
  "content", "headers", "encoding", "links", "callbacks", "variables", "schemas", "parameters", "requestBodies",
  "securitySchemes", "pathItems", "mediaTypes", "scopes", "mapping",
]);
/** Keywords whose value is data, copied as is. */
const DATA_KEYWORDS = new Set(["enum", "const", "default", "required", "security"]);

/** A copy of `node` without documentation; `named` when its keys are names, not keywords. */
function clean(node, named = false) {
  if (Array.isArray(node)) return node.map((item) => clean(item));
  if (node === null || typeof node !== "object") return node;
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (named) out[key] = clean(value);
    else if (DROPPED_KEYWORDS.has(key) || DOC_ONLY_EXTENSIONS.test(key)) continue;
    else if (DATA_KEYWORDS.has(key) || key.startsWith("x-")) out[key] = value;
    else out[key] = clean(value, NAMED_MAPS.has(key) && !Array.isArray(value));
  }
  return out;
}

/** Every local `$ref` in `node` (and discriminator mapping target), as [component type, name]. */
function refsIn(node, found = []) {
  if (Array.isArray(node)) node.forEach((item) => refsIn(item, found));
  else if (node !== null && typeof node === "object") {
    for (const [key, value] of Object.entries(node)) {
      if (key === "$ref" && typeof value === "string") found.push(componentOf(value));
      else if (key === "mapping" && value && typeof value === "object") Object.values(value).forEach((v) => found.push(componentOf(v)));
      else if (!key.startsWith("x-")) refsIn(value, found);
    }
  }
  return found;
}

function componentOf(ref) {
  const parts = ref.startsWith("#/") ? ref.slice(2).split("/").map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~")) : [];
  if (parts[0] !== "components" || parts.length < 3) throw new Error(`spec-subset: only refs into #/components are supported, got ${ref}`);
  return [parts[1], parts[2]];
}

/** Whether one operation is chosen by a selector. */
function selects(selector, template, method, operation) {
  const match = /^([A-Za-z]+) +(\/.*)$/.exec(selector);
  if (!match && !selector.startsWith("/")) return operation.operationId === selector;
  const [wantMethod, pattern] = match ? [match[1].toLowerCase(), match[2]] : [undefined, selector];
  if (wantMethod && wantMethod !== method) return false;
  return pattern.endsWith("*") ? template.startsWith(pattern.slice(0, -1)) : template === pattern;
}

/** The subset of a parsed OpenAPI document that `selectors` choose. */
function subset(spec, selectors) {
  const paths = {};
  const used = new Set(selectors);
  for (const [template, item] of Object.entries(spec.paths ?? {})) {
    const kept = {};
    for (const [key, value] of Object.entries(item)) {
      if (!METHODS.includes(key)) continue;
      const by = selectors.filter((s) => selects(s, template, key, value));
      by.forEach((s) => used.delete(s));
      if (by.length) kept[key] = value;
    }
    if (Object.keys(kept).length === 0) continue;
    // Path-level fields (parameters, servers, $ref) in their place, then the kept operations.
    paths[template] = clean(Object.fromEntries(Object.entries(item).filter(([key]) => !METHODS.includes(key) || key in kept)));
  }
  if (used.size) throw new Error(`spec-subset: nothing in the spec matches ${[...used].join(", ")}`);

  // Components reached from the kept paths, transitively.
  const reached = new Map(); // "type/name" -> cleaned component
  const pending = refsIn(paths);
  while (pending.length) {
    const [type, name] = pending.pop();
    const id = `${type}/${name}`;
    if (reached.has(id)) continue;
    const source = spec.components?.[type]?.[name];
    if (source === undefined) throw new Error(`spec-subset: #/components/${type}/${name} does not exist`);
    const cleaned = clean(source);
    reached.set(id, cleaned);
    pending.push(...refsIn(cleaned));
  }
  const schemes = new Set();
  const noteSchemes = (requirements) => (requirements ?? []).forEach((r) => Object.keys(r).forEach((n) => schemes.add(n)));
  noteSchemes(spec.security);
  for (const item of Object.values(paths)) for (const m of METHODS) noteSchemes(item[m]?.security);
  for (const name of schemes) {
    const source = spec.components?.securitySchemes?.[name];
    if (source === undefined) throw new Error(`spec-subset: security scheme ${name} does not exist`);
    reached.set(`securitySchemes/${name}`, clean(source));
  }

  // In the source's order of types and names.
  const components = {};
  for (const [type, members] of Object.entries(spec.components ?? {})) {
    for (const name of Object.keys(members ?? {})) {
      const cleaned = reached.get(`${type}/${name}`);
      if (cleaned !== undefined) (components[type] ??= {})[name] = cleaned;
    }
  }

  // A Response's description is required (OpenAPI 3.0 and 3.1): kept, emptied.
  const responses = [
    ...Object.values(paths).flatMap((item) => METHODS.map((m) => item[m]?.responses).filter(Boolean)),
    components.responses ?? {},
  ];
  for (const map of responses) {
    for (const [code, response] of Object.entries(map)) {
      if (response && typeof response === "object" && !("$ref" in response)) map[code] = { description: "", ...response };
    }
  }

  const out = {};
  for (const [key, value] of Object.entries(spec)) {
    if (key === "openapi" || key === "jsonSchemaDialect") out[key] = value;
    else if (key === "info") out.info = { title: value.title, version: value.version, ...(value.license && { license: value.license }) };
    else if (key === "servers") out.servers = clean(value);
    else if (key === "security") out.security = value;
    else if (key === "paths") out.paths = paths;
    else if (key === "components" && Object.keys(components).length) out.components = components;
  }
  return out;
}

function readSpec(file) {
  return parse(fs.readFileSync(file, "utf8"), { maxAliasCount: -1 });
}

function render(document) {
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** The manifest's entries, each with its output and source as absolute paths. */
function manifestEntries(manifestFile) {
  const manifest = JSON.parse(fs.readFileSync(manifestFile, "utf8"));
  return Object.entries(manifest).map(([output, entry]) => ({
    output: path.resolve(path.dirname(manifestFile), output),
    from: path.resolve(REPO_ROOT, entry.from),
    keep: entry.keep,
    ...(entry.provenance && { provenance: entry.provenance }),
  }));
}

/** The bytes of one manifest entry's subset. */
function makeSubset(entry) {
  const document = subset(readSpec(entry.from), entry.keep);
  if (entry.provenance) document["x-provenance"] = entry.provenance;
  return render(document);
}

function main(args) {
  if (args[0] === "--manifest" && args.length === 2) {
    for (const entry of manifestEntries(path.resolve(args[1]))) {
      if (!fs.existsSync(entry.from)) {
        process.stdout.write(`${path.relative(process.cwd(), entry.output)}: skipped (${path.relative(process.cwd(), entry.from)} is not beside this clone)\n`);
        continue;
      }
      const text = makeSubset(entry);
      fs.writeFileSync(entry.output, text);
      const kept = Object.keys(JSON.parse(text).paths).length;
      process.stdout.write(`${path.relative(process.cwd(), entry.output)}: ${kept} paths, ${Buffer.byteLength(text)} bytes\n`);
    }
    return;
  }
  if (args.length < 2 || args[0].startsWith("--")) {
    process.stderr.write("usage: spec-subset.js FULL_SPEC SELECTOR... | spec-subset.js --manifest FILE\n");
    process.exitCode = 2;
    return;
  }
  process.stdout.write(render(subset(readSpec(args[0]), args.slice(1))));
}

module.exports = { subset, render, readSpec, manifestEntries, makeSubset };

if (require.main === module) main(process.argv.slice(2));
