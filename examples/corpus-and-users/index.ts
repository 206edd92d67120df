import * as pulumi from "@pulumi/pulumi";
import { VectaraCorpus, VectaraUser } from "pulumi-saas-users";

// A corpus and the users who work in it. Credentials come from stack config
// (`pulumi config set vectara:apiKey --secret`) or VECTARA_API_KEY.
const config = new pulumi.Config();

const docs = new VectaraCorpus("docs", {
  key: config.get("corpusKey") ?? "docs",
  name: config.get("corpusName") ?? "Product documentation",
  description: "Manuals and release notes",
});

// `corpusKey: docs.key` is an Output of the corpus, not the string "docs": it makes each user
// depend on the corpus, so Pulumi creates the corpus first and deletes it last. A new key
// replaces the corpus, and the users' roles follow it in place.
const carol = new VectaraUser("carol", {
  email: "carol@example.com",
  corpusRoles: [{ corpusKey: docs.key, role: "administrator" }],
  description: "Documentation lead",
});

const dave = new VectaraUser("dave", {
  email: "dave@example.com",
  corpusRoles: [{ corpusKey: docs.key, role: "viewer" }],
});

export const corpusKey = docs.key;
export const corpusId = docs.vectaraId;
export const users = [carol.username, dave.username];
