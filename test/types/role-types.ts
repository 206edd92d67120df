// Compile-time checks, run by `npm run typecheck`: each `@ts-expect-error` must meet an error, or
// tsc fails with "Unused '@ts-expect-error' directive". Never executed.
import type { AgentRole, ApiRole, CorpusRole, VectaraCorpusArgs, VectaraUserArgs } from "pulumi-saas-users";

export const accepted: VectaraUserArgs = {
  email: "a@example.com",
  apiRoles: ["corpus_administrator", "viewer"],
  corpusRoles: [{ corpusKey: "docs", role: "editor" }],
  agentRoles: [{ agentKey: "bot", role: "agent_user" }],
};

export const roles: [ApiRole, CorpusRole["role"], AgentRole["role"]] = ["owner", "viewer", "agent_viewer"];

// @ts-expect-error "corpus_admin" is not an ApiRole
export const wrongApiRole: VectaraUserArgs = { email: "a@example.com", apiRoles: ["corpus_admin"] };

// @ts-expect-error "reader" is not a corpus role
export const wrongCorpusRole: VectaraUserArgs = { email: "a@example.com", corpusRoles: [{ corpusKey: "docs", role: "reader" }] };

// @ts-expect-error "editor" is a corpus role, not an agent role
export const wrongAgentRole: VectaraUserArgs = { email: "a@example.com", agentRoles: [{ agentKey: "bot", role: "editor" }] };

// @ts-expect-error a corpus needs its key
export const corpusWithoutKey: VectaraCorpusArgs = { name: "Docs" };
