//go:build tools

// Package tools pins the Pulumi CLI's main package (and the package its version is stamped into)
// so that `go mod tidy` keeps them in go.mod; resolve.js builds the CLI from this module.
package tools

import (
	_ "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi"
	_ "github.com/pulumi/pulumi/sdk/v3/go/common/version"
)
