// Accounts of every shape for the import tests: 250 users per service with every role, disabled or
// locked users, invitations, odd usernames and names that collide once made identifiers.
import type { ArizeEmulator } from "../../emulator/arize/server";
import type { ConnectEmulator } from "../../emulator/connect/server";
import type { VectaraEmulator } from "../../emulator/vectara/server";
import { apiRoleNames, corpusRoleNames } from "../../provider/vectara/users/schema";

const pick = <T>(list: readonly T[], i: number): T => list[i % list.length] as T;

/** Local parts that stress the names: case, dots, plus-addressing, quotes, a leading digit. */
const oddLocals = ["Alice.Smith", "alice-smith", "alice_smith", "o'neil", "bob+ops", "BOB+OPS", "xyz", "tilde", "1st.user", "a.b-c_d"];
/** Usernames with the punctuation a username may hold and an email (as the resources check it) may not. */
const oddUsernames: Record<number, string> = { 6: "x{y}|z", 7: "~tilde" };

const local = (i: number) => (i < oddLocals.length ? (oddLocals[i] as string) : `user${String(i).padStart(3, "0")}`);

export function seedVectara(e: VectaraEmulator, count = 250): void {
  const corpora = ["docs", "legal", "support"];
  for (const key of corpora) e.seedCorpus({ key });
  for (let i = 0; i < count; i++) {
    // Vectara's emails are unique, case-insensitively: BOB+OPS@ would be bob+ops@ again.
    const email = `${i === 5 ? "bob+ops2" : local(i)}@example.com`;
    e.seedUser(
      {
        email,
        // Every third user has a username other than the email; one in seven a description.
        ...(i % 3 === 1 && { username: `${local(i)}.login` }),
        ...(oddUsernames[i] !== undefined && { username: oddUsernames[i] }),
        ...(i % 7 === 0 && { description: `Team ${i % 5}` }),
        api_roles: i % 4 === 0 ? [] : [pick(apiRoleNames, i), ...(i % 5 === 0 ? [pick(apiRoleNames, i + 3)] : [])],
        corpus_roles: i % 2 === 0 ? [{ corpus_key: pick(corpora, i), role: pick(corpusRoleNames, i) }] : [],
        agent_roles: i % 9 === 0 ? [{ agent_key: "helpdesk", role: "agent_user" }] : [],
      },
      { enabled: i % 6 !== 5 },
    );
  }
}

export function seedConnect(e: ConnectEmulator, count = 250): void {
  const roles = ["administrator", "publisher", "viewer"];
  for (let i = 0; i < count; i++) {
    // Connect usernames are case-sensitive and may be non-ASCII; only whitespace and controls are refused.
    const username = i === 10 ? "josé.garcía" : i === 11 ? "JOSÉ.GARCÍA" : oddUsernames[i] ?? local(i);
    e.seedUser(
      {
        username,
        ...(i % 4 !== 3 && { email: `${local(i)}@example.com` }),
        ...(i % 3 !== 2 && { first_name: `First${i}` }),
        ...(i % 5 !== 4 && { last_name: i % 2 ? "O'Neil" : "Smith" }),
        user_role: pick(roles, i),
        ...(i % 8 === 0 && { external_id: `ext-${i}` }),
      },
      { locked: i % 6 === 5 },
    );
  }
}

export function seedArize(e: ArizeEmulator, count = 250): void {
  const roles = ["ADMIN", "MEMBER", "ANNOTATOR"] as const;
  const statuses = ["ACTIVE", "INVITED", "EXPIRED"] as const;
  for (let i = 0; i < count; i++) {
    // Arize folds email case; odd locals that differ only in case would be one user.
    const email = `${i === 5 ? "bob+ops2" : local(i)}@example.com`;
    e.seedUser(
      { email, name: i % 10 === 0 ? `Name ${i} “quoted” \\ and 'single'` : `User ${i}`, role: pick(roles, i), ...(i % 4 === 0 && { is_developer: i % 8 === 0 }) },
      { status: pick(statuses, i) },
    );
  }
}
