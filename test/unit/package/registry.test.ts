// The registry is the one description of each service and resource that the import, the roster
// and the reference read: it must agree with the code it describes.
import { z } from "zod";
import { importUsage } from "../../../provider/cli/import";
import { programFiles } from "../../../provider/cli/program";
import { hintsFor } from "../../../provider/core/profile";
import { credentialsHint, envVariable, settingKeys } from "../../../provider/core/settings";
import { typeToken } from "../../../provider/core/registry";
import { registry } from "../../../provider/registry";
import * as pkg from "../../../provider/index";
import packageJson from "../../../package.json";
import { SERVICES } from "../../../emulator/services";

const resources = registry.flatMap((s) => s.resources.map((r) => [r.kind, r, s] as const));

// A valid first create of each resource; each input then changes alone, to a value of its own kind.
const samples: Record<string, Record<string, unknown>> = {
  VectaraUser: { email: "ann@example.com", username: "ann", description: "d", apiRoles: ["viewer"] },
  VectaraCorpus: { key: "docs", name: "Docs", description: "d" },
  ConnectUser: { username: "ann", email: "ann@example.com", firstName: "Ann", lastName: "Lee", userRole: "viewer", externalId: "e-1" },
  ArizeUser: { email: "ann@example.com", name: "Ann Lee", role: "MEMBER" },
  ArizeOrganizationMembership: { organizationId: "T3JnOjE=", userId: "VXNlcjox", role: "MEMBER" },
  ArizeSpaceMembership: { spaceId: "U3BhY2U6MQ==", userId: "VXNlcjox", role: "READ_ONLY" },
  ConnectGroup: { name: "analysts", ownerGuid: "6f300623-1e0c-48e6-a473-ddf630c0c0c3" },
  ConnectContentPermission: { contentGuid: "6f300623-1e0c-48e6-a473-ddf630c0c0c3", principalGuid: "0b0b0b0b-1e0c-48e6-a473-ddf630c0c0c3", principalType: "user", role: "viewer" },
  ConnectGroupMembership: { groupGuid: "6f300623-1e0c-48e6-a473-ddf630c0c0c3", userGuid: "0b0b0b0b-1e0c-48e6-a473-ddf630c0c0c3" },
};

/** Another valid value for an input, from its schema: text changed, a flag flipped, another enum value, one list item. */
function another(key: string, field: z.ZodType, current: unknown): unknown {
  const def = field._zod.def as { type: string; innerType?: z.ZodType; in?: z.ZodType; out?: z.ZodType; entries?: Record<string, string>; element?: z.ZodType };
  if (def.type === "optional" || def.type === "default") return another(key, def.innerType!, current);
  if (def.type === "pipe") return another(key, def.out!, current);
  if (def.type === "boolean") return !(current ?? false);
  if (def.type === "enum") return Object.values(def.entries!).find((v) => v !== current);
  if (def.type === "array") return current === undefined || (current as unknown[]).length === 0 ? [sampleItem(def.element!)] : [];
  if (key === "email") return "bea@example.com";
  if (key === "account") return "other";
  if (key.endsWith("Guid")) return current === "00000000-0000-4000-8000-000000000002" ? "00000000-0000-4000-8000-000000000003" : "00000000-0000-4000-8000-000000000002";
  return `${String(current ?? "x")}-2`;
}
function sampleItem(field: z.ZodType): unknown {
  const def = field._zod.def as { type: string; entries?: Record<string, string>; shape?: Record<string, z.ZodType> };
  if (def.type === "enum") return Object.values(def.entries!)[0];
  return Object.fromEntries(Object.entries(def.shape!).map(([k, f]) => [k, k === "role" ? sampleItem(f) : "k1"]));
}

test("every resource of the registry has a sample here, and a type token and loader of its own", () => {
  expect(Object.keys(samples).sort()).toEqual(resources.map(([kind]) => kind).sort());
  expect(new Set(resources.map(([, r]) => typeToken(r))).size).toBe(resources.length);
  // The loader entry the host requires from the program directory (core/dynamic-loader.ts).
  for (const [, r] of resources) expect((packageJson.exports as unknown as Record<string, string>)[`./${r.loader}`]).toMatch(new RegExp(`^\\./dist/provider/${r.module}/[\\w-]+/provider\\.js$`));
});

test.each(resources)("%s: an input replaces the resource exactly when the registry lists it in replaces", (kind, entry) => {
  const first = entry.check(samples[kind]!) as { inputs: Record<string, unknown>; failures: unknown[] };
  expect(first.failures).toEqual([]);
  const checked: string[] = [];
  for (const [key, field] of Object.entries(entry.inputs.shape)) {
    if (key === "password") continue; // create-only, never an output: no diff can see it
    const news = { ...samples[kind], [key]: another(key, field as z.ZodType, first.inputs[key]) };
    const next = entry.check(news) as { inputs: Record<string, unknown>; failures: unknown[] };
    expect({ key, failures: next.failures }).toEqual({ key, failures: [] });
    const { replaces } = entry.diff(first.inputs, next.inputs);
    expect({ key, replaces: replaces.includes(key) }).toEqual({ key, replaces: entry.replaces.includes(key) });
    checked.push(key);
  }
  expect(checked).toEqual(expect.arrayContaining([...entry.replaces]));
});

test.each(resources)("%s: its class is exported under its kind, and its replaces name inputs", (kind, entry) => {
  expect(typeof (pkg as Record<string, unknown>)[kind]).toBe("function");
  for (const key of entry.replaces) expect(Object.keys(entry.inputs.shape)).toContain(key);
});

test.each(registry.map((s) => [s.name, s] as const))("%s: every config key and variable the import and the hints name is one the service reads", (_name, service) => {
  const p = service.profile;
  const listing = { service, declared: [], refused: [] };
  const texts = [
    ...programFiles(listing, { project: "p", packageVersion: "0.1.0", pulumiVersion: "3.0.0" }).map((f) => f.text),
    importUsage("pulumi-saas-users", [service]),
    credentialsHint(p),
    ...Object.values(hintsFor(p)),
  ].join("\n");
  const keys = [...texts.matchAll(new RegExp(`\\b${p.namespace}:([A-Za-z]+)`, "g"))].map((m) => m[1]);
  expect(keys.length).toBeGreaterThan(0);
  for (const key of keys) expect(settingKeys(p)).toContain(key);
  const variables = [...texts.matchAll(new RegExp(`\\b${p.envPrefix}_[A-Z_]+\\b`, "g"))].map((m) => m[0]);
  const known = [...settingKeys(p).map((k) => envVariable(p, k)), ...settingKeys(p).map((k) => `${p.envPrefix}_${k.replace(/[A-Z]/g, (c) => `_${c}`).toUpperCase()}`)];
  expect(variables.length).toBeGreaterThan(0);
  for (const v of variables) expect(known).toContain(v);
});

test("the emulator command offers exactly the registry's services, under the same names", () => {
  expect(SERVICES.map((s) => s.name).sort()).toEqual(registry.map((s) => s.name).sort());
});
