export { VectaraUser, type VectaraUserArgs } from "./vectara/users/resource";
export { VectaraCorpus, type VectaraCorpusArgs } from "./vectara/corpora/resource";
export { getVectaraUser, listVectaraUsers, closeVectaraHelpers, type VectaraUserInfo } from "./vectara/users/helpers";
export type { ApiRole, CorpusRole, AgentRole, OnDelete as VectaraOnDelete, ApiPolicy as VectaraApiPolicy } from "./vectara/users/schema";
export type { ApiErrorCode } from "./core/errors";
export { ConnectUser, type ConnectUserArgs } from "./connect/users/resource";
export { getConnectUser, listConnectUsers, closeConnectHelpers, type ConnectUserInfo } from "./connect/users/helpers";
export type { ConnectUserRole, OnDelete as ConnectOnDelete } from "./connect/users/schema";
export { ConnectGroup, type ConnectGroupArgs } from "./connect/groups/resource";
export { getConnectGroup, listConnectGroupMembers, closeConnectGroupHelpers, type ConnectGroupInfo } from "./connect/groups/helpers";
export type { GroupOnDelete as ConnectGroupOnDelete } from "./connect/groups/schema";
export { ConnectGroupMembership, type ConnectGroupMembershipArgs } from "./connect/memberships/resource";
export { ConnectContentPermission, type ConnectContentPermissionArgs } from "./connect/permissions/resource";
export type { PermissionRole as ConnectPermissionRole, PrincipalType as ConnectPrincipalType } from "./connect/permissions/schema";
export { ArizeUser, type ArizeUserArgs } from "./arize/users/resource";
export { getArizeUser, listArizeUsers, closeArizeHelpers, type ArizeUserInfo } from "./arize/users/helpers";
export type { ArizeRole, ArizeInviteMode, ArizeUserStatus, ArizeOnDelete } from "./arize/users/schema";
export { ArizeOrganizationMembership, type ArizeOrganizationMembershipArgs } from "./arize/organization-memberships/resource";
export { ArizeSpaceMembership, type ArizeSpaceMembershipArgs } from "./arize/space-memberships/resource";
export { getArizeOrganization, type ArizeOrganizationInfo } from "./arize/organization-memberships/helpers";
export { getArizeSpace, type ArizeSpaceInfo } from "./arize/space-memberships/helpers";
export type { ArizeMemberRole, ArizeMemberOnDelete } from "./arize/organization-memberships/schema";
// The role and delete-policy names as values, for programs that validate their own input files
// against the same lists the resources check.
export { agentRoleNames as vectaraAgentRoles, apiRoleNames as vectaraApiRoles, corpusRoleNames as vectaraCorpusRoles, onDeletePolicies as vectaraOnDeletePolicies } from "./vectara/users/schema";
export { userRoleNames as connectUserRoles, onDeletePolicies as connectOnDeletePolicies } from "./connect/users/schema";
export { roleNames as arizeRoles, onDeletePolicies as arizeOnDeletePolicies } from "./arize/users/schema";
export { memberRoleNames as arizeMemberRoles } from "./arize/organization-memberships/schema";
// The registry (each service, its person resource and that resource's input schema) and the rule
// naming a Vectara user, for programs that read people from their own files (examples/roster).
export { registry, type ResourceEntry, type ServiceEntry } from "./registry";
export { usernameOf as vectaraUsernameOf } from "./vectara/users/schema";
