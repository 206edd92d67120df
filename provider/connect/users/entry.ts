import type { ResourceEntry } from "../../core/registry";
import { allItems } from "../../core/paging";
import { usersApi } from "./api";
import { checkUser, diffUser, inputsOf, toOutputs } from "./logic";
import { userInputs, userType } from "./schema";

/** ConnectUser in the registry: what the import, the roster and the reference pages read. */
export const connectUserEntry: ResourceEntry = {
  ...userType,
  summary: "a Posit Connect user: role, name, email, locked or not (Connect cannot delete users)",
  id: "the user's guid",
  inputs: userInputs,
  replaces: ["account"],
  check: checkUser,
  diff: diffUser,
  listing: {
    async *list(client) {
      const api = usersApi(client);
      // Every server value is declared: none is left to the server's default.
      for await (const user of allItems((cursor) => api.page(cursor))) yield inputsOf(toOutputs(user, { unsetInputs: [] }));
    },
    key: (inputs) => String(inputs.username),
  },
};
