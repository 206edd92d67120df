import type { ResourceEntry } from "../../core/registry";
import { allItems } from "../../core/paging";
import { usersApi } from "./api";
import { checkUser, diffUser, inputsOf, keptSettings, toOutputs } from "./logic";
import { userInputs, userType } from "./schema";

/** ArizeUser in the registry: what the import, the roster and the reference pages read. */
export const arizeUserEntry: ResourceEntry = {
  ...userType,
  summary: "an Arize AX user: invitation, account role, developer access",
  id: "Arize's user id",
  inputs: userInputs,
  replaces: ["account", "email"],
  // A first create: no inputs in state, so no role change to refuse.
  check: (news) => checkUser({}, news),
  diff: diffUser,
  listing: {
    async *list(client) {
      const api = usersApi(client);
      for await (const user of allItems((cursor) => api.page(cursor))) yield inputsOf(toOutputs(user, keptSettings({})));
    },
    key: (inputs) => String(inputs.email).toLowerCase(),
  },
};
