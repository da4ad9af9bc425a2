//! The fleet benchmark: `cargo bench -p k8s-dsl-fleet` (divan). For N fleet members (2N
//! objects) it times building the objects, emitting already-built objects, and both together
//! streamed object by object, for the builders with k8s-dsl's YAML emitter and for the
//! baselines (plain k8s-openapi literals with serde_yaml 0.9 and with serde_json) in the same
//! run, so the figures can be compared as ratios. Output goes to a byte-counting sink, so the
//! byte rate shown is the serializer's own.

use divan::counter::BytesCount;
use divan::{black_box, Bencher};
use k8s_dsl_fleet::{
    fleet_baseline, fleet_builders, write_fleet, CountingSink, Emit, Emitter, Source,
};

fn main() {
    divan::main();
}

/// The fleet sizes: one member, then sizes where per-object costs dominate.
const SIZES: [usize; 3] = [1, 1000, 10000];

/// How many bytes a run writes (for the byte rate).
fn bytes(n: usize, source: Source, emit: Emit) -> u64 {
    write_fleet(n, source, emit, CountingSink::default()).map_or(0, |sink| sink.bytes)
}

mod build {
    use super::*;

    /// The builders, with every check of `build()`.
    #[divan::bench(args = SIZES, sample_count = 20)]
    fn builders(n: usize) {
        for i in 0..n {
            let _ = black_box(fleet_builders(black_box(i)));
        }
    }

    /// Plain k8s-openapi literals.
    #[divan::bench(args = SIZES, sample_count = 20)]
    fn baseline(n: usize) {
        for i in 0..n {
            black_box(fleet_baseline(black_box(i)));
        }
    }
}

mod emit {
    use super::*;

    fn emit_all<T: serde::Serialize + Sync>(bencher: Bencher, objects: &[T], emit: Emit) {
        let size = {
            let mut emitter = Emitter::new(emit, CountingSink::default());
            for object in objects {
                let _ = emitter.write(object);
            }
            emitter.finish().map_or(0, |sink| sink.bytes)
        };
        bencher.counter(BytesCount::new(size)).bench(|| {
            let mut emitter = Emitter::new(emit, CountingSink::default());
            for object in objects {
                let _ = emitter.write(black_box(object));
            }
            black_box(emitter.finish().map(|s| s.bytes).ok())
        });
    }

    /// k8s-dsl's YAML emitter, on the objects the builders made.
    #[divan::bench(args = SIZES, sample_count = 20)]
    fn k8s_dsl_yaml(bencher: Bencher, n: usize) {
        let objects: Vec<_> = (0..n)
            .filter_map(|i| fleet_builders(i).ok())
            .flatten()
            .collect();
        emit_all(bencher, &objects, Emit::Yaml);
    }

    /// serde_yaml 0.9 on the baseline objects.
    #[divan::bench(args = SIZES, sample_count = 20)]
    fn serde_yaml(bencher: Bencher, n: usize) {
        let objects: Vec<_> = (0..n).map(fleet_baseline).collect();
        emit_all(bencher, &objects, Emit::SerdeYaml);
    }

    /// serde_json on the baseline objects (the practical speed limit).
    #[divan::bench(args = SIZES, sample_count = 20)]
    fn serde_json(bencher: Bencher, n: usize) {
        let objects: Vec<_> = (0..n).map(fleet_baseline).collect();
        emit_all(bencher, &objects, Emit::Json);
    }
}

mod total {
    use super::*;

    fn run(bencher: Bencher, n: usize, source: Source, emit: Emit) {
        bencher
            .counter(BytesCount::new(bytes(n, source, emit)))
            .bench(|| {
                black_box(write_fleet(black_box(n), source, emit, CountingSink::default()).ok())
            });
    }

    /// Builders + k8s-dsl's YAML emitter, streamed.
    #[divan::bench(args = SIZES, sample_count = 20)]
    fn builders_k8s_dsl_yaml(bencher: Bencher, n: usize) {
        run(bencher, n, Source::Builders, Emit::Yaml);
    }

    /// Baseline literals + serde_yaml 0.9, streamed.
    #[divan::bench(args = SIZES, sample_count = 20)]
    fn baseline_serde_yaml(bencher: Bencher, n: usize) {
        run(bencher, n, Source::Baseline, Emit::SerdeYaml);
    }

    /// Baseline literals + serde_json, streamed.
    #[divan::bench(args = SIZES, sample_count = 20)]
    fn baseline_serde_json(bencher: Bencher, n: usize) {
        run(bencher, n, Source::Baseline, Emit::Json);
    }
}
