import * as pulumi from "@pulumi/pulumi";
import { ConnectUser } from "pulumi-saas-users";

// The server and its API key come from stack config (`pulumi config set connect:serverUrl …`,
// `pulumi config set connect:apiKey --secret`) or from CONNECT_SERVER and CONNECT_API_KEY.
const config = new pulumi.Config();

// A publisher with a password (password servers only); the password is a secret in state and never an output.
const alice = new ConnectUser("alice", {
  username: "alice",
  email: "alice@example.com",
  firstName: "Alice",
  lastName: "Liddell",
  userRole: "publisher",
  password: config.getSecret("alicePassword"),
});

// A viewer with the server's default role left alone; removed from the program, it is locked.
const bob = new ConnectUser("bob", {
  username: config.get("bobUsername") ?? "bob",
  email: "bob@example.com",
  locked: config.getBoolean("bobLocked") ?? false,
});

export const aliceGuid = alice.guid;
export const aliceRole = alice.userRole;
export const bobRole = bob.userRole;
export const bobConfirmed = bob.confirmed;
