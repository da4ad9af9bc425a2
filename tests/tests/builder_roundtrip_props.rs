//! Emission round trip through the builders: arbitrary valid Pods, Jobs, CronJobs, Deployments
//! and Services from the generators of `k8s_dsl_tests::roundtrip` (hostile strings wherever the
//! API takes free text) build without errors, and their YAML (`k8s_dsl::emit::to_yaml`) and
//! JSON read back through serde_yaml and serde_json as the equal k8s-openapi object. Every
//! string the emitter writes plain is also one no YAML 1.1 resolver claims (the emitter check
//! `check_plain` of `fuzz/checks/emit.rs`); PyYAML reads a large sample of the same generators in the test
//! command (`roundtrip-sample`, `scripts/validate.py`).
//!
//! The generators live in the tests crate's library, not here, because the sample program
//! uses them too; this test lives in the tests crate for the same reason (`k8s-dsl` cannot
//! depend on `k8s-dsl-tests`, which depends on it).
//!
//! `PROPTEST_CASES=N` runs N cases per kind instead of 64.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

#[allow(dead_code)]
#[path = "../../fuzz/checks/mod.rs"]
mod checks;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Debug;
use std::sync::Mutex;

use k8s_dsl::Errors;
use k8s_dsl_tests::roundtrip::{
    check_round_trip, cron_jobs, deployments, jobs, manifests, pods, services, Built,
};
use k8s_openapi::api::apps::v1::DeploymentSpec;
use k8s_openapi::api::batch::v1::CronJobSpec;
use proptest::prelude::*;
use proptest::strategy::ValueTree;
use proptest::test_runner::TestRunner;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: std::env::var("PROPTEST_CASES")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(64),
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// The property for one object: it built (the input is valid), it round-trips, and every
/// string it holds is safe from YAML 1.1 where the emitter writes it plain
/// (`checks::emit::check_plain`; each distinct string is checked once per run, which keeps
/// the test fast: the hostile strings recur in every object).
fn round_trip<T>(built: Result<T, Errors>) -> Result<(), TestCaseError>
where
    T: Serialize + DeserializeOwned + PartialEq + Debug,
{
    static CHECKED: Mutex<BTreeSet<String>> = Mutex::new(BTreeSet::new());
    let object = built
        .map_err(|errors| TestCaseError::fail(format!("valid input does not build:\n{errors}")))?;
    check_round_trip(&object).map_err(TestCaseError::fail)?;
    let tree = serde_json::to_value(&object).map_err(|e| TestCaseError::fail(e.to_string()))?;
    let mut strings = Vec::new();
    checks::emit::strings(&tree, &mut strings);
    let mut checked = CHECKED
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner());
    for s in strings {
        if !checked.contains(&s) {
            checks::emit::check_plain(&s).map_err(TestCaseError::fail)?;
            checked.insert(s);
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn pods_round_trip_through_yaml_and_json(pod in pods()) {
        round_trip(pod.build())?;
    }

    #[test]
    fn jobs_round_trip_through_yaml_and_json(job in jobs()) {
        round_trip(job.build())?;
    }

    #[test]
    fn cron_jobs_round_trip_through_yaml_and_json(cron in cron_jobs()) {
        round_trip(cron.build())?;
    }

    #[test]
    fn deployments_round_trip_through_yaml_and_json(deployment in deployments()) {
        round_trip(deployment.build())?;
    }

    #[test]
    fn services_round_trip_through_yaml_and_json(service in services()) {
        round_trip(service.build())?;
    }
}

/// `n` objects of the fixed-seed stream the sample program writes, built.
fn sample(n: usize) -> Vec<Built> {
    let mut runner = TestRunner::deterministic();
    let strategy = manifests();
    (0..n)
        .map(|_| {
            let manifest = strategy.new_tree(&mut runner).unwrap().current();
            manifest.build().unwrap()
        })
        .collect()
}

/// The generators are not vacuous: a modest sample holds every kind, containers in every
/// output place (app, init, native sidecar), and the YAML 1.1 traps written as strings.
#[test]
fn generators_cover_every_kind_role_and_trap() {
    let objects = sample(150);
    let mut kinds: BTreeMap<&str, usize> = BTreeMap::new();
    let mut init = 0;
    let mut native_sidecars = 0;
    let mut yaml = String::new();
    for object in &objects {
        let (kind, spec) = match object {
            Built::Pod(p) => ("Pod", p.spec.clone()),
            Built::Job(j) => ("Job", j.spec.clone().and_then(|s| s.template.spec)),
            // `spec` is optional in older Kubernetes versions and required in newer ones.
            Built::CronJob(c) => (
                "CronJob",
                Option::from(c.spec.clone())
                    .and_then(|s: CronJobSpec| s.job_template.spec)
                    .and_then(|s| s.template.spec),
            ),
            Built::Deployment(d) => (
                "Deployment",
                Option::from(d.spec.clone()).and_then(|s: DeploymentSpec| s.template.spec),
            ),
            Built::Service(_) => ("Service", None),
        };
        *kinds.entry(kind).or_default() += 1;
        for c in spec.and_then(|s| s.init_containers).unwrap_or_default() {
            if c.restart_policy.as_deref() == Some("Always") {
                native_sidecars += 1;
            } else {
                init += 1;
            }
        }
        yaml.push_str(&k8s_dsl::emit::to_yaml(object).unwrap());
    }
    assert_eq!(kinds.len(), 5, "{kinds:?}");
    assert!(init > 0 && native_sidecars > 0, "{init} {native_sidecars}");
    for trap in [
        ": \"on\"",
        ": \"yes\"",
        ": \"null\"",
        ": \"0x1F\"",
        ": \"1e3\"",
        ": \"2001-12-14\"",
        "- \"12:30\"",
        ": \"~\"",
    ] {
        assert!(yaml.contains(trap), "no {trap} in the sample");
    }
}

/// A type whose YAML does not read back as itself, to show the round trip can fail.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Lossy {
    kept: String,
    #[serde(skip_deserializing)]
    lost: String,
}

#[test]
fn the_round_trip_check_fails_on_a_lossy_object() {
    let lossy = Lossy {
        kept: "yes".to_owned(),
        lost: "on".to_owned(),
    };
    let problem = check_round_trip(&lossy).unwrap_err();
    assert!(problem.contains("another object"), "{problem}");
    let intact = Lossy {
        kept: "yes".to_owned(),
        lost: String::new(),
    };
    check_round_trip(&intact).unwrap();
}
