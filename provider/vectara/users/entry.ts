import type { ResourceEntry } from "../../core/registry";
import { allItems } from "../../core/paging";
import { usersApi } from "./api";
import { checkUser, diffUser, inputsOf, keptSettings, toOutputs } from "./logic";
import { userInputs, usernameOf, userType } from "./schema";

/** VectaraUser in the registry: what the import, the roster and the reference pages read. */
export const vectaraUserEntry: ResourceEntry = {
  ...userType,
  summary: "a Vectara user: account and per-corpus and per-agent roles, enabled or disabled",
  id: "the username",
  inputs: userInputs,
  replaces: ["account", "email", "username"],
  check: checkUser,
  diff: diffUser,
  listing: {
    async *list(client) {
      const api = usersApi(client);
      for await (const user of allItems((cursor) => api.page(cursor))) yield inputsOf(toOutputs(user, keptSettings({}), usernameOf(user)));
    },
    key: (inputs) => String(inputs.username),
    implied: (inputs) => ({ username: inputs.email }),
  },
};
