// The protobuf side of the engine ↔ provider wire, loaded exactly as the dynamic-provider host loads it.
// pulumi nests its own google-protobuf (node_modules/@pulumi/pulumi/node_modules/google-protobuf), so
// Struct must come from that copy, not from whatever a bare `require("google-protobuf")` finds.
import { createRequire } from "node:module";
import type * as structTypes from "google-protobuf/google/protobuf/struct_pb";
import type { Props } from "./values";

export * as provider from "@pulumi/pulumi/proto/provider_pb";
export { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
export { Status } from "@pulumi/pulumi/proto/status_pb";

const pulumiRequire = createRequire(require.resolve("@pulumi/pulumi/package.json"));
export const { Struct } = pulumiRequire("google-protobuf/google/protobuf/struct_pb") as typeof structTypes;

/** Plain object → Struct. `undefined` is not representable (the host fails with "Unexpected struct type"). */
export function toStruct(props: Props): structTypes.Struct {
  return Struct.fromJavaScript(props as Record<string, structTypes.JavaScriptValue>);
}

export function fromStruct(struct: structTypes.Struct | undefined): Props {
  return (struct?.toJavaScript() ?? {}) as Props;
}
