import fc from "fast-check";
import { usersApi } from "../../provider/vectara/users/api";
import { vectara } from "../../provider/vectara/profile";
import { providerSuite } from "./service-setup";

const h = providerSuite("vectara", "VectaraUser", {}, { "vectara:maxRetries": "0" });

/** Every request the provider can make for one username, as the emulator saw it. */
async function pathsFor(username: string): Promise<string[]> {
  const api = usersApi(vectara.client());
  h.emulator.requests.length = 0;
  const calls = [() => api.get(username), () => api.update(username, { enabled: true }), () => api.resetPassword(username), () => api.remove(username)];
  for (const call of calls) await call().catch(() => undefined);
  return h.emulator.requests.map((r) => r.rawPath);
}

test("a username from the whole string space only ever addresses its own single path segment", async () => {
  const username = fc.oneof(
    fc.string({ unit: "grapheme", minLength: 1 }),
    fc.string({ unit: "binary", minLength: 1 }),
    fc.stringMatching(/^[./?#%\\ ]{1,6}$/),
    fc.constantFrom("..", ".", "../admin", "a/../../v2/users", "%2e%2e", "x?limit=100", "x#frag", "a\u0000b", "\u202e"),
  );
  await fc.assert(
    fc.asyncProperty(username, async (name) => {
      const paths = await pathsFor(name);
      if (!name.isWellFormed()) {
        // Refused before any request: a lone surrogate has no percent-encoding.
        expect(paths).toEqual([]);
        return;
      }
      expect(paths).toHaveLength(4);
      for (const raw of paths) {
        const match = /^\/v2\/users\/([^/?#]+)(\/reset_password)?$/.exec(raw);
        expect(match).not.toBeNull();
        expect(decodeURIComponent(match![1]!)).toBe(name);
      }
      expect(paths.filter((p) => p.endsWith("/reset_password"))).toHaveLength(1);
    }),
    { numRuns: 300 },
  );
});
