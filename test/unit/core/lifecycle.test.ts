import { ApiError } from "../../../provider/core/errors";
import { createOrAdopt, type CreateSpec } from "../../../provider/core/lifecycle";

const refused = new ApiError({ code: "CONFLICT", service: "Acme", method: "POST", path: "/v1/things", status: 409, requestId: "req-1", apiMessages: ["Name or email already exists"] });
const notFound = new ApiError({ code: "NOT_FOUND", service: "Acme", method: "GET", path: "/v1/things/a", status: 404 });

function spec(overrides: Partial<CreateSpec<string>> = {}): CreateSpec<string> {
  return {
    what: "Acme thing a",
    adoptExisting: false,
    create: () => Promise.reject(refused),
    mayExist: () => true,
    find: () => Promise.reject(notFound),
    isOurs: () => false,
    conflictHint: "set adoptExisting: true",
    notFoundHint: "fix the inputs named above",
    ...overrides,
  };
}

describe("createOrAdopt when the create says 'exists' but nothing has the key", () => {
  it("reports the holder of another unique field, as a CONFLICT with the create's request and the service's hint", async () => {
    const error = (await createOrAdopt(spec({ heldByAnother: async () => ({ message: "email e belongs to b", hint: "declare b" }) })).catch((e) => e)) as ApiError;
    expect(error.code).toBe("CONFLICT");
    expect(error.message).toBe("email e belongs to b — Name or email already exists — request_id req-1 — hint: declare b");
  });

  it("falls back to the not-found hint when the service finds no holder, or has no such lookup", async () => {
    for (const heldByAnother of [async () => undefined, undefined]) {
      const error = (await createOrAdopt(spec({ heldByAnother })).catch((e) => e)) as ApiError;
      expect(error.code).toBe("CONFLICT");
      expect(error.message).toMatch(/hint: fix the inputs named above$/);
    }
  });

  it("asks for no holder when the key exists", async () => {
    const heldByAnother = jest.fn();
    await expect(createOrAdopt(spec({ find: async () => "a", heldByAnother }))).rejects.toThrow(/Acme thing a already exists/);
    expect(heldByAnother).not.toHaveBeenCalled();
  });
});
