// `tests/corpus/workloads/deployment-recreate.yaml`, imported by `k8s-dsl-import`.

use k8s_dsl::prelude::*;

/// The objects of `tests/corpus/workloads/deployment-recreate.yaml`, in file order.
pub fn objects() -> Result<Vec<Object>, Box<dyn std::error::Error>> {
    Ok(vec![
        // Deployment `db-migrator` (document 1)
        Deployment::new("db-migrator")
            .replicas(1)
            .strategy(DeploymentStrategy::Recreate)
            .selector(
                Selector::new()
                    .key_in("track", ["stable"])
                    .does_not_exist("canary")
                    .label("app", "db-migrator"),
            )
            .template(
                Pod::template()
                    .label("app", "db-migrator")
                    .label("track", "stable")
                    .container(Container::new("migrator").image("example/migrator:5.1")),
            )
            .build()?
            .into(),
        // Deployment `default-strategy` (document 2)
        Deployment::new("default-strategy")
            .strategy(DeploymentStrategy::rolling_update())
            .template(
                Pod::template()
                    .label("app", "default-strategy")
                    .container(Container::new("app").image("example/app:1.0")),
            )
            .build()?
            .into(),
    ])
}
