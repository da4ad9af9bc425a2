//! Generates the manifests of every environment:
//!
//! - `k8s/<environment>/` in this crate: one file per object plus `kustomization.yaml`,
//!   committed for Argo CD or Flux (`kubectl apply -k k8s/production` works too). Run the build
//!   with `K8S_DSL_CHECK=1` in CI to fail on manifests that were not regenerated.
//! - `$OUT_DIR/<environment>/`: the same files, and `$OUT_DIR/<environment>-all/all.yaml`, one
//!   multi-document file the binary embeds.
//!
//! Validation errors fail the build with every message; warnings show as cargo warnings.

use gitops_manifests::environments;
use k8s_dsl::output::BuildScript;

fn main() {
    for (name, bundle) in environments().iter() {
        BuildScript::new()
            .subdir(name)
            .repo_dir(format!("k8s/{name}"))
            .run(bundle);
        BuildScript::new()
            .subdir(format!("{name}-all"))
            .kustomization(false)
            .single_file("all.yaml")
            .run(bundle);
    }
}
