import * as pulumi from "@pulumi/pulumi";
import { VectaraUser } from "pulumi-saas-users";

// Credentials come from stack config (`pulumi config set vectara:apiKey --secret`) or VECTARA_API_KEY.
const config = new pulumi.Config();

const alice = new VectaraUser("alice", {
  email: "alice@example.com",
  apiRoles: ["corpus_administrator"],
  corpusRoles: [{ corpusKey: "docs", role: "editor" }],
  description: config.get("aliceDescription") ?? "Content manager",
});

const bob = new VectaraUser("bob", {
  email: "bob@example.com",
  corpusRoles: [{ corpusKey: "docs", role: "viewer" }],
  onDelete: "disable",
});

export const aliceId = alice.vectaraId;
export const bobUsername = bob.username;
