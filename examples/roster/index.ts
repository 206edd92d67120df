// Users as a roster file: joiners are created, movers get their new roles, leavers are removed —
// deleted, or disabled where the roster says `onDelete: disable`. Edit roster.yaml (or point the
// `roster` config at a CSV) and run `pulumi up`.
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { VectaraUser } from "pulumi-saas-users";
import { readRoster } from "./roster";

// Relative to this program, not to the directory pulumi was started from.
const file = path.resolve(__dirname, new pulumi.Config().get("roster") ?? "roster.yaml");

export const usernames = Object.entries(readRoster(file)).map(([username, args]) => new VectaraUser(username, args).username);
