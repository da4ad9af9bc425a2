//go:build tools

// The helm program for the chart tests (scripts/helm/build), built from Helm's Go module.
package tools

import _ "helm.sh/helm/v4/cmd/helm"
