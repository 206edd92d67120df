#!/usr/bin/env node
// Extracts the users contract from the official Arize TypeScript client's generated types
// (@arizeai/ax-client, dist/src/__generated__/api/v2.d.ts; Arize publishes no OpenAPI file) into a
// small JSON of facts that tests read: the users paths and their operations' statuses and query
// parameters, the schemas' fields (required or not, and their types), and the enums.
// With --access, the same for access (organizations, spaces, their memberships, role bindings and
// roles: ACCESS_OPERATIONS), where each operation also names its path parameters, its request body
// and each response's media type and schema, and the schemas are every one those reach.
//   node scripts/arize-facts.js [--access] [--out FILE]      (default: print to stdout)
const fs = require("node:fs");
const path = require("node:path");
const ts = require("typescript");

const SCHEMAS = [
  "CreateUserRequest", "CreateUserResponse", "UpdateUserRequest", "User", "ListUsersResponse", "PaginationMetadata", "Problem",
  "UserRoleAssignment", "UserRoleAssignmentRequest", "PredefinedUserRoleAssignment", "CustomUserRoleAssignment",
  "PredefinedUserRoleAssignmentRequest", "CustomUserRoleAssignmentRequest", "UserRole", "UserStatus", "InviteMode", "Id", "Email",
];

/** The operations the access resources and lookups use (ArizeOrganizationMembership, ArizeSpaceMembership, getArizeOrganization, getArizeSpace). */
const ACCESS_OPERATIONS = [
  "GET /v2/organizations", "GET /v2/organizations/{org_id}",
  "POST /v2/organizations/{org_id}/users", "DELETE /v2/organizations/{org_id}/users/{user_id}",
  "GET /v2/spaces", "GET /v2/spaces/{space_id}",
  "POST /v2/spaces/{space_id}/users", "DELETE /v2/spaces/{space_id}/users/{user_id}",
  "GET /v2/role-bindings", "GET /v2/role-bindings/{binding_id}",
  "GET /v2/roles", "GET /v2/roles/{role_id}",
];
/** Schemas the access facts hold besides those the operations reach: the account role, for the ANNOTATOR rule. */
const ACCESS_EXTRA_SCHEMAS = ["UserRole"];

function generatedTypes() {
  // The package exports no ./package.json: find its directory from its main entry.
  const main = require.resolve("@arizeai/ax-client", { paths: [path.resolve(__dirname, "..")] });
  const pkg = path.join(main.slice(0, main.lastIndexOf(`${path.sep}dist${path.sep}`)), "package.json");
  const file = path.join(path.dirname(pkg), "dist/src/__generated__/api/v2.d.ts");
  return { version: JSON.parse(fs.readFileSync(pkg, "utf8")).version, source: ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.ES2022, true) };
}

const member = (node, name) => node.members.find((m) => m.name && (m.name.text ?? m.name.getText()) === name);
const keyOf = (m) => (m.name.text ?? m.name.getText()).replace(/^"|"$/g, "");

/** A type as data: "string", "boolean", "number", {ref}, {array}, {enum}, {oneOf}, {literal}, {object}. */
function typeOf(node) {
  if (!node) return "unknown";
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword: return "string";
    case ts.SyntaxKind.BooleanKeyword: return "boolean";
    case ts.SyntaxKind.NumberKeyword: return "number";
    case ts.SyntaxKind.ArrayType: return { array: typeOf(node.elementType) };
    case ts.SyntaxKind.LiteralType: return node.literal.kind === ts.SyntaxKind.NullKeyword ? "null" : { literal: node.literal.text };
    case ts.SyntaxKind.TypeLiteral: return { object: fields(node) };
    case ts.SyntaxKind.IndexedAccessType: {
      const ref = /components\["schemas"\]\["(\w+)"\]/.exec(node.getText());
      return ref ? { ref: ref[1] } : node.getText();
    }
    case ts.SyntaxKind.UnionType: {
      const parts = node.types.map(typeOf);
      if (parts.every((p) => p.literal !== undefined)) return { enum: parts.map((p) => p.literal) };
      return { oneOf: parts };
    }
    default: return node.getText();
  }
}

function fields(literal) {
  const out = {};
  for (const m of literal.members) if (ts.isPropertySignature(m)) out[keyOf(m)] = { required: !m.questionToken, type: typeOf(m.type) };
  return out;
}

function facts() {
  const { version, source } = generatedTypes();
  const iface = (name) => source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
  const schemas = member(iface("components"), "schemas").type;
  const params = member(iface("components"), "parameters").type;
  const out = { client: `@arizeai/ax-client ${version}`, paths: {}, operations: {}, schemas: {} };
  for (const m of iface("paths").members) {
    const p = keyOf(m);
    if (!p.startsWith("/v2/users")) continue;
    for (const op of m.type.members) {
      if (op.questionToken || keyOf(op) === "parameters") continue;
      const name = /operations\["(\w+)"\]/.exec(op.type.getText())?.[1];
      out.paths[`${keyOf(op).toUpperCase()} ${p}`] = name;
    }
  }
  for (const name of Object.values(out.paths).sort()) {
    const op = member(iface("operations"), name).type;
    const responses = member(op, "responses").type.members.map(keyOf).map(Number);
    const query = member(member(op, "parameters").type, "query");
    const queryParams = {};
    if (query && query.type.kind === ts.SyntaxKind.TypeLiteral) {
      for (const q of query.type.members) {
        const ref = /components\["parameters"\]\["(\w+)"\]/.exec(q.type.getText())?.[1];
        queryParams[keyOf(q)] = ref ? typeOf(member(params, ref).type) : typeOf(q.type);
      }
    }
    const body = member(op, "requestBody");
    out.operations[name] = { success: responses.filter((s) => s < 300), errors: responses.filter((s) => s >= 300), query: queryParams, hasBody: !!body && body.type.kind !== ts.SyntaxKind.NeverKeyword };
  }
  for (const name of SCHEMAS) out.schemas[name] = typeOf(member(schemas, name).type);
  return out;
}

/** The access facts: ACCESS_OPERATIONS with their parameters, bodies and responses, and every schema they reach. */
function accessFacts() {
  const { version, source } = generatedTypes();
  const iface = (name) => source.statements.find((s) => ts.isInterfaceDeclaration(s) && s.name.text === name);
  const components = iface("components");
  const schemas = member(components, "schemas").type;
  const named = (kind) => member(components, kind).type;
  const componentOf = (node, kind) => {
    const ref = new RegExp(`components\\["${kind}"\\]\\["(\\w+)"\\]`).exec(node.getText())?.[1];
    return ref ? member(named(kind), ref).type : node;
  };
  const paramsOf = (literal) => {
    const out = {};
    if (!literal || literal.type.kind !== ts.SyntaxKind.TypeLiteral) return out;
    for (const q of literal.type.members) out[keyOf(q)] = { required: !q.questionToken, type: typeOf(componentOf(q.type, "parameters")) };
    return out;
  };
  const contentOf = (literal) => {
    const content = member(literal, "content");
    if (!content || content.type.kind !== ts.SyntaxKind.TypeLiteral) return {};
    return Object.fromEntries(content.type.members.map((m) => [keyOf(m), typeOf(m.type)]));
  };
  const out = { client: `@arizeai/ax-client ${version}`, paths: {}, operations: {}, schemas: {} };
  const byPath = new Map(iface("paths").members.map((m) => [keyOf(m), m]));
  for (const entry of ACCESS_OPERATIONS) {
    const [method, p] = entry.split(" ");
    const op = member(byPath.get(p).type, method.toLowerCase());
    out.paths[entry] = /operations\["(\w+)"\]/.exec(op.type.getText())[1];
  }
  const reached = [];
  const note = (type) => JSON.stringify(type, (key, value) => (key === "ref" && reached.push(value), value));
  for (const name of Object.values(out.paths).sort()) {
    const op = member(iface("operations"), name).type;
    const parameters = member(op, "parameters").type;
    const responses = {};
    for (const r of member(op, "responses").type.members) responses[keyOf(r)] = contentOf(componentOf(r.type, "responses"));
    const body = member(op, "requestBody");
    const codes = Object.keys(responses).map(Number);
    const operation = {
      success: codes.filter((s) => s < 300),
      errors: codes.filter((s) => s >= 300),
      path: paramsOf(member(parameters, "path")),
      query: paramsOf(member(parameters, "query")),
      body: body && body.type.kind !== ts.SyntaxKind.NeverKeyword ? { required: !body.questionToken, content: contentOf(componentOf(body.type, "requestBodies")) } : null,
      responses,
    };
    note(operation);
    out.operations[name] = operation;
  }
  reached.push(...ACCESS_EXTRA_SCHEMAS);
  const wanted = new Set();
  while (reached.length) {
    const name = reached.pop();
    if (wanted.has(name)) continue;
    wanted.add(name);
    note(typeOf(member(schemas, name).type));
  }
  // In the generated file's order.
  for (const m of schemas.members) if (wanted.has(keyOf(m))) out.schemas[keyOf(m)] = typeOf(m.type);
  return out;
}

/** Whether the client is installed (the facts can be regenerated and compared). */
function clientInstalled() {
  try {
    require.resolve("@arizeai/ax-client", { paths: [path.resolve(__dirname, "..")] });
    return true;
  } catch {
    return false;
  }
}

module.exports = { facts, accessFacts, clientInstalled };

if (require.main === module) {
  const json = JSON.stringify(process.argv.includes("--access") ? accessFacts() : facts(), null, 2) + "\n";
  const at = process.argv.indexOf("--out");
  if (at > 0) fs.writeFileSync(process.argv[at + 1], json);
  else process.stdout.write(json);
}
