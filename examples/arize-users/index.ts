import * as pulumi from "@pulumi/pulumi";
import { ArizeUser } from "pulumi-saas-users";

// Credentials come from stack config (`pulumi config set arize:apiKey --secret`) or ARIZE_API_KEY;
// a regional or self-hosted deployment sets arize:baseUrl (or ARIZE_BASE_URL).
const config = new pulumi.Config();

// An admin who signs in with SSO: no invitation email, active at once.
const lead = new ArizeUser("lead", {
  email: "lead@example.com",
  name: config.get("leadName") ?? "Team Lead",
  role: "ADMIN",
  inviteMode: "NONE",
});

// A member invited by email; change the trigger to send the invitation again.
const analyst = new ArizeUser("analyst", {
  email: "analyst@example.com",
  name: "Data Analyst",
  resendInvitationTrigger: config.get("resendAnalyst") ?? "1",
});

// An annotator (no developer access by default) who gets a temporary password, kept as a secret
// output. Removing this resource leaves the user in Arize.
const annotator = new ArizeUser("annotator", {
  email: "annotator@example.com",
  name: "Labeler",
  role: "ANNOTATOR",
  inviteMode: "TEMPORARY_PASSWORD",
  onDelete: "retain",
});

export const leadId = lead.userId;
export const analystStatus = analyst.status;
export const annotatorPassword = annotator.temporaryPassword;
