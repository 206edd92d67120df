// The access roster: each person once, with their Vectara, Arize and Posit Connect accounts.
// Joiners are created, movers updated, and leavers (removed, or marked `leaver: true`) offboarded
// by each service's delete policy: Vectara delete or disable, Arize delete or retain, Connect lock.
// A roster with mistakes fails here, listing every one with its file, line and field, before any
// request. Edit roster.yaml (or point the `roster` config at a CSV) and run `pulumi up`.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { declareRoster, readRoster, type Roster } from "./roster";

// Relative to this program, not to the directory pulumi was started from.
const file = path.resolve(__dirname, new pulumi.Config().get("roster") ?? "roster.yaml");
const accounts = declareRoster(read(file));

/** A RunError ends the program with the message alone: the problems, without a stack trace. */
function read(file: string): Roster {
  try {
    return readRoster(file);
  } catch (e) {
    if ((e as { code?: string }).code === "ROSTER_INVALID") throw new pulumi.RunError((e as Error).message);
    throw e;
  }
}

export const vectaraUsernames = accounts.vectara.map((u) => u.username);
export const arizeUserIds = accounts.arize.map((u) => u.userId);
export const connectGuids = accounts.connect.map((u) => u.guid);
