/**
 * The conformance suites read specs/*.subset.json, never the full specs. Here: the subsets are what
 * scripts/spec-subset.js makes from the official files (checked only where ../shared/reference is
 * beside the clone, as in CI), and the script keeps what validation needs and drops the rest.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { manifestEntries, makeSubset, render, subset } from "../../scripts/spec-subset";

const repoRoot = path.resolve(__dirname, "../..");

describe("the committed subsets", () => {
  for (const entry of manifestEntries(path.join(__dirname, "specs/subsets.json"))) {
    const file = path.relative(repoRoot, entry.output);
    const source = path.relative(repoRoot, entry.from);
    const name = `${file} equals what scripts/spec-subset.js makes from ${source}`;
    if (!existsSync(entry.from)) {
      console.log(`skipped: ${name} (${source} is not beside this clone)`);
      it.skip(`${name} (skipped: ${source} is not beside this clone)`, () => undefined);
      continue;
    }
    it(name, () => {
      const made = makeSubset(entry);
      const committed = readFileSync(entry.output, "utf8");
      if (made !== committed) {
        const lines = [made.split("\n"), committed.split("\n")] as const;
        const at = lines[0].findIndex((line, i) => line !== lines[1][i]);
        throw new Error(
          `${file} is not what the script makes from ${source} (first difference at line ${at + 1}: ` +
            `made ${JSON.stringify(lines[0][at])}, committed ${JSON.stringify(lines[1][at])}). ` +
            "Run `npm run spec:subset` and commit the result.",
        );
      }
    });
  }
});

describe("scripts/spec-subset.js", () => {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const full = {
    openapi: "3.0.0",
    info: { title: "T", version: "1", description: "long text", contact: { email: "a@b.c" } },
    servers: [{ url: "https://api.example.com", description: "production" }],
    security: [{ key: [] }],
    tags: [{ name: "Users", description: "about users" }],
    "x-tagGroups": [{ name: "g", tags: ["Users"] }],
    paths: {
      "/v1/users": {
        summary: "users",
        get: {
          operationId: "listUsers", summary: "List", description: "Lists", tags: ["Users"], externalDocs: { url: "https://docs" },
          "x-fern-sdk-method-name": "list", "x-required-roles": ["admin"],
          parameters: [{ name: "limit", in: "query", description: "how many", example: 5, schema: { type: "integer", minimum: 1, maximum: 100 } }],
          responses: { 200: { description: "OK", content: { "application/json": { schema: ref("Users"), example: { users: [] } } } }, default: { $ref: "#/components/responses/Error" } },
        },
        post: { operationId: "createUser", responses: { 201: { description: "Created" } } },
      },
      "/v1/users/{id}": { get: { operationId: "getUser", responses: { 200: { description: "OK", content: { "application/json": { schema: ref("User") } } } } } },
      "/v1/usersettings": { get: { operationId: "settings", responses: { 200: { description: "OK" } } } },
      "/v1/groups": { get: { operationId: "listGroups", responses: { 200: { description: "OK", content: { "application/json": { schema: ref("Group") } } } } } },
    },
    components: {
      schemas: {
        Group: { type: "object", properties: { members: { type: "array", items: ref("User") } } },
        Users: { type: "object", description: "a page", properties: { users: { type: "array", items: ref("User") } } },
        User: {
          type: "object", title: "User", required: ["id"], example: { id: "u_1" },
          properties: {
            id: { type: "string", pattern: "^u_", description: "the id" },
            description: { type: "string", maxLength: 255, nullable: true, description: "a property named description" },
            examples: { type: "array", items: { type: "string" } },
            role: { enum: ["a", "b"], default: "a", "x-fern-type-name": "Role" },
          },
        },
        Unused: { type: "string" },
      },
      responses: { Error: { description: "An error", content: { "application/json": { schema: { type: "object", properties: { message: { type: "string" } } } } } } },
      securitySchemes: { key: { type: "apiKey", in: "header", name: "x-key", description: "the key" }, other: { type: "http", scheme: "bearer" } },
    },
  };

  it("keeps the chosen paths, the components they reach, and every constraint; drops documentation but not a property named description", () => {
    expect(subset(full, ["/v1/users"])).toEqual({
      openapi: "3.0.0",
      info: { title: "T", version: "1" },
      servers: [{ url: "https://api.example.com" }],
      security: [{ key: [] }],
      paths: {
        "/v1/users": {
          get: {
            operationId: "listUsers", "x-required-roles": ["admin"],
            parameters: [{ name: "limit", in: "query", schema: { type: "integer", minimum: 1, maximum: 100 } }],
            responses: { 200: { description: "", content: { "application/json": { schema: ref("Users") } } }, default: { $ref: "#/components/responses/Error" } },
          },
          post: { operationId: "createUser", responses: { 201: { description: "" } } },
        },
      },
      components: {
        schemas: {
          Users: { type: "object", properties: { users: { type: "array", items: ref("User") } } },
          User: {
            type: "object", title: "User", required: ["id"],
            properties: {
              id: { type: "string", pattern: "^u_" },
              description: { type: "string", maxLength: 255, nullable: true },
              examples: { type: "array", items: { type: "string" } },
              role: { enum: ["a", "b"], default: "a" },
            },
          },
        },
        responses: { Error: { description: "", content: { "application/json": { schema: { type: "object", properties: { message: { type: "string" } } } } } } },
        securitySchemes: { key: { type: "apiKey", in: "header", name: "x-key" } },
      },
    });
  });

  it("takes a path prefix ending in *, a method before a path, and an operationId", () => {
    const paths = (selectors: string[]) => Object.entries(subset(full, selectors).paths).map(([p, item]) => `${p} ${Object.keys(item as object)}`);
    expect(paths(["/v1/users*"])).toEqual(["/v1/users get,post", "/v1/users/{id} get", "/v1/usersettings get"]);
    expect(paths(["GET /v1/users", "getUser"])).toEqual(["/v1/users get", "/v1/users/{id} get"]);
  });

  it("refuses a selector that matches nothing, and a $ref it cannot follow", () => {
    expect(() => subset(full, ["/v1/nothing"])).toThrow(/nothing in the spec matches \/v1\/nothing/);
    const broken = { ...full, paths: { "/x": { get: { responses: { 200: { description: "", content: { "application/json": { schema: ref("Missing") } } } } } } } };
    expect(() => subset(broken, ["/x"])).toThrow(/#\/components\/schemas\/Missing does not exist/);
  });

  it("writes the same bytes for the same input: the source's key order, 2-space JSON, a trailing newline", () => {
    const text = render(subset(full, ["/v1/groups"]));
    expect(text).toBe(render(subset(structuredClone(full), ["/v1/groups"])));
    expect(text.endsWith("}\n")).toBe(true);
    expect(Object.keys(JSON.parse(text).components.schemas)).toEqual(["Group", "User"]);
  });
});
