// The access contract of the official Arize client, as committed facts (specs/arize-access.facts.json,
// made by `npm run arize:facts` from @arizeai/ax-client's generated types), and a checker that says
// the users facts' checker over its schemas (fields the schema does not declare are problems).
import { checkerOf, operationFinder, type Type } from "./arize-facts";
import facts from "./specs/arize-access.facts.json";

interface Operation {
  success: number[];
  errors: number[];
  query: Record<string, { required: boolean; type: Type }>;
  body?: { required: boolean; content: Record<string, { ref: string }> };
  responses: Record<string, Record<string, { ref: string }>>;
}

export const accessFacts = facts as unknown as { client: string; paths: Record<string, string>; operations: Record<string, Operation>; schemas: Record<string, Type> };

export const problems = checkerOf(accessFacts.schemas);

/** The operation a request is, by method and path (`{id}` is one segment). */
export const operationOf = operationFinder(accessFacts.paths);

/** The schema of an operation's answer with `status`; undefined for no body. */
export function responseSchema(op: string, status: number): string | undefined {
  const content = accessFacts.operations[op]?.responses[String(status)];
  return content && Object.values(content)[0]?.ref;
}

/** The schema of an operation's request body, if it has one. */
export function requestSchema(op: string): string | undefined {
  const content = accessFacts.operations[op]?.body?.content;
  return content && Object.values(content)[0]?.ref;
}
