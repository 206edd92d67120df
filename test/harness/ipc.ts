// Messages between the engine (parent) and the program runner (child), over Node IPC.
import type { Props } from "./values";

/** child → parent: one RegisterResource (or ReadResource) the program made. */
export interface RegisterMessage {
  kind: "register";
  seq: number;
  type: string;
  name: string;
  custom: boolean;
  /** Plain values: secret wrappers removed; unknowns (preview only) as the unknown sentinel string. */
  inputs: Props;
  /** Top-level input keys whose values were (or contained) secrets. */
  secretKeys: string[];
  /** ReadResource (`Resource.get`): the id to read. */
  id?: string;
  /** RegisterResource options the engine acts on (resource_pb RegisterResourceRequest). */
  protect?: boolean;
  retainOnDelete?: boolean;
  /** The `import` resource option. */
  importId?: string;
}

/** child → parent: the program finished; `outputs` are the stack outputs, secrets shown as "[secret]". */
export interface DoneMessage { kind: "done"; outputs: Props }
export interface ErrorMessage { kind: "error"; message: string }
export type ChildMessage = RegisterMessage | DoneMessage | ErrorMessage;

/** parent → child: the answer to one registration. Secret outputs arrive secret-wrapped. */
export type RegisteredMessage =
  | { kind: "registered"; seq: number; id: string; state: Props }
  | { kind: "registered"; seq: number; error: string };
