//! Writes a large, reproducible sample of objects built through the builders from the
//! round-trip generators (`k8s_dsl_tests::roundtrip`): Pods, Jobs, CronJobs, Deployments and
//! Services full of hostile strings, as `roundtrip-NN.yaml` (a multi-document stream written by
//! the emitter) and `roundtrip-NN.json` (a v1 List) in 100-object files, for
//! `scripts/validate.py` (PyYAML, ruamel.yaml, kubernetes-validate).
//!
//! `roundtrip-sample DIR [COUNT]` (COUNT defaults to 2000). The generation has a fixed seed,
//! so every run writes the same files. Each object must build and pass the round trip
//! through serde_yaml and serde_json first; the program fails on the first that does not.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use k8s_dsl::emit::{to_json_list, YamlWriter};
use k8s_dsl_tests::roundtrip::{manifests, Built};
use proptest::strategy::{Strategy, ValueTree};
use proptest::test_runner::TestRunner;

/// Objects per file.
const PER_FILE: usize = 100;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(dir) = args.next().map(PathBuf::from) else {
        eprintln!("usage: roundtrip-sample DIR [COUNT]");
        return ExitCode::FAILURE;
    };
    let count = match args.next().map(|n| n.parse::<usize>()) {
        None => 2000,
        Some(Ok(n)) => n,
        Some(Err(e)) => {
            eprintln!("error: COUNT must be a number: {e}");
            return ExitCode::FAILURE;
        }
    };
    match write_sample(&dir, count) {
        Ok(files) => {
            println!(
                "wrote {count} objects in {files} files to {}",
                dir.display()
            );
            ExitCode::SUCCESS
        }
        Err(error) => {
            eprintln!("error: {error}");
            ExitCode::FAILURE
        }
    }
}

/// Empties `dir` of earlier `roundtrip-*` files, then writes `count` objects; returns the
/// number of YAML files written.
fn write_sample(dir: &Path, count: usize) -> Result<usize, String> {
    std::fs::create_dir_all(dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
    let entries =
        std::fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with("roundtrip-"))
        {
            std::fs::remove_file(&path)
                .map_err(|e| format!("cannot remove {}: {e}", path.display()))?;
        }
    }
    let mut runner = TestRunner::deterministic();
    let strategy = manifests();
    let mut objects: Vec<Built> = Vec::with_capacity(count);
    for i in 0..count {
        let manifest = strategy
            .new_tree(&mut runner)
            .map_err(|e| format!("cannot generate object {i}: {e}"))?
            .current();
        let built = manifest
            .clone()
            .build()
            .map_err(|errors| format!("object {i} does not build:\n{errors}\n{manifest:#?}"))?;
        built
            .check_round_trip()
            .map_err(|problem| format!("object {i} does not round-trip: {problem}"))?;
        objects.push(built);
    }
    let mut files = 0;
    for (n, chunk) in objects.chunks(PER_FILE).enumerate() {
        let mut writer = YamlWriter::new(Vec::new());
        for object in chunk {
            writer.write(object).map_err(|e| e.to_string())?;
        }
        let yaml = writer.finish().map_err(|e| e.to_string())?;
        let json = to_json_list(chunk).map_err(|e| e.to_string())?;
        let base = dir.join(format!("roundtrip-{n:02}"));
        std::fs::write(base.with_extension("yaml"), yaml).map_err(|e| e.to_string())?;
        std::fs::write(base.with_extension("json"), json).map_err(|e| e.to_string())?;
        files += 1;
    }
    Ok(files)
}
