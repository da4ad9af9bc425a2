//! `Bundle::check` over N objects (`cargo bench -p k8s-dsl-fleet --bench bundle_check`):
//! N/4 groups of a Deployment, the Service and the PodDisruptionBudget selecting its pods and
//! the ConfigMap it reads, all in one namespace (the case where checks that go through every
//! object for each selector or reference grow as N²). The bundle is built once; only the
//! check is timed, so the figures at 1k, 10k and 100k objects show how the check grows.

use divan::{black_box, Bencher};
use k8s_dsl::prelude::*;

fn main() {
    divan::main();
}

/// Objects in the bundle.
const SIZES: [usize; 3] = [1_000, 10_000, 100_000];

fn bundle(n: usize) -> Bundle {
    let mut bundle = Bundle::new();
    for i in 0..n / 4 {
        let app = format!("app-{i}");
        bundle = bundle
            .add(ConfigMap::new(format!("{app}-config")).data("mode", "production"))
            .add(
                Deployment::new(app.as_str()).template(
                    Pod::template().label("app", app.as_str()).container(
                        Container::new("web")
                            .image("nginx:1.27")
                            .port(ContainerPort::tcp(8080).name("http"))
                            .env_from(EnvFrom::config_map(format!("{app}-config"))),
                    ),
                ),
            )
            .add(
                Service::new(app.as_str())
                    .selector("app", app.as_str())
                    .port(ServicePort::tcp(80).target("http")),
            )
            .add(
                PodDisruptionBudget::new(app.as_str())
                    .selector([("app", app.as_str())])
                    .min_available(1),
            );
    }
    bundle
}

#[divan::bench(args = SIZES, sample_count = 5, sample_size = 1)]
fn check(bencher: Bencher, n: usize) {
    let bundle = bundle(n);
    assert!(bundle.check().is_ok(), "the benchmark's bundle is valid");
    bencher.bench_local(|| black_box(bundle.check()));
}
