//! Waiting for rollouts: Deployments, StatefulSets, DaemonSets and Jobs, read from their
//! `status` as `kubectl rollout status` reads it.

use std::time::{Duration, Instant};

use kube::Client;
use serde_json::Value;

use super::diff::value;
use super::error::{from_kube, ClusterError};
use super::resolve::{Resolver, Target};
use super::ApplyOptions;
use crate::bundle::{Bundle, ObjectId};

/// How often the status is read again.
const POLL: Duration = Duration::from_millis(500);

/// Where one rollout is.
#[derive(Debug, PartialEq, Eq)]
enum State {
    Done,
    Pending(String),
    Failed(String),
}

/// Waits until every Deployment, StatefulSet, DaemonSet and Job of the bundle has rolled out
/// (as `kubectl rollout status` judges it: the controller has seen the latest generation, and
/// every replica is updated and available; a Job is `Complete`), at most `timeout`. A failed
/// Job is [`ClusterError::Failed`]; the timeout is [`ClusterError::Timeout`], listing what each
/// object still waits for. The namespace of an object without one is the client's default
/// (`options` gives the owner label, as in [`apply`](super::apply)).
///
/// ```no_run
/// use std::time::Duration;
/// use k8s_dsl::cluster::{self, ApplyOptions};
/// use k8s_dsl::prelude::*;
///
/// # async fn run(client: kube::Client, bundle: Bundle) -> Result<(), k8s_dsl::cluster::ClusterError> {
/// let options = ApplyOptions::new("shop");
/// cluster::apply(&client, &bundle, &options).await?;
/// cluster::wait_for_rollouts(&client, &bundle, &options, Duration::from_secs(300)).await?;
/// # Ok(())
/// # }
/// ```
pub async fn wait_for_rollouts(
    client: &Client,
    bundle: &Bundle,
    options: &ApplyOptions,
    timeout: Duration,
) -> Result<(), ClusterError> {
    let targets = Resolver::new(client).targets(bundle, options).await?;
    wait_targets(client, &targets, timeout).await
}

/// Waits for the rollouts among `targets`.
pub(super) async fn wait_targets(
    client: &Client,
    targets: &[Target],
    timeout: Duration,
) -> Result<(), ClusterError> {
    let rollouts: Vec<&Target> = targets
        .iter()
        .filter(|t| {
            matches!(
                t.id.kind.as_str(),
                "Deployment" | "StatefulSet" | "DaemonSet" | "Job"
            )
        })
        .collect();
    let start = Instant::now();
    loop {
        let mut pending: Vec<(ObjectId, String)> = Vec::new();
        for target in &rollouts {
            let Some(api) = target.api(client) else {
                continue;
            };
            let live = api
                .get(&target.id.name)
                .await
                .map_err(|e| from_kube(&target.id, e))?;
            match state(&target.id.kind, &value(&target.id, &live)?) {
                State::Done => {}
                State::Pending(what) => pending.push((target.id.clone(), what)),
                State::Failed(message) => {
                    return Err(ClusterError::Failed {
                        id: target.id.clone(),
                        message,
                    })
                }
            }
        }
        if pending.is_empty() {
            return Ok(());
        }
        if start.elapsed() >= timeout {
            return Err(ClusterError::Timeout { pending });
        }
        tokio::time::sleep(POLL.min(timeout.saturating_sub(start.elapsed()))).await;
    }
}

/// A number at `pointer`, or `default`.
fn number(object: &Value, pointer: &str, default: i64) -> i64 {
    object
        .pointer(pointer)
        .and_then(Value::as_i64)
        .unwrap_or(default)
}

/// The rollout state of an object of `kind`.
fn state(kind: &str, object: &Value) -> State {
    if kind == "Job" {
        return job_state(object);
    }
    let generation = number(object, "/metadata/generation", 0);
    let observed = number(object, "/status/observedGeneration", 0);
    if observed < generation {
        return State::Pending(format!(
            "the controller has not seen generation {generation} yet"
        ));
    }
    let (desired, updated, available) = match kind {
        "DaemonSet" => (
            number(object, "/status/desiredNumberScheduled", 0),
            number(object, "/status/updatedNumberScheduled", 0),
            number(object, "/status/numberAvailable", 0),
        ),
        "StatefulSet" => (
            number(object, "/spec/replicas", 1),
            number(object, "/status/updatedReplicas", 0),
            number(object, "/status/readyReplicas", 0),
        ),
        _ => (
            number(object, "/spec/replicas", 1),
            number(object, "/status/updatedReplicas", 0),
            number(object, "/status/availableReplicas", 0),
        ),
    };
    if updated < desired {
        return State::Pending(format!("{updated} of {desired} updated"));
    }
    if kind == "Deployment" && number(object, "/status/replicas", 0) > updated {
        return State::Pending("old replicas are still running".into());
    }
    if available < desired {
        return State::Pending(format!("{available} of {desired} available"));
    }
    State::Done
}

/// A Job: `Complete`, `Failed`, or neither yet.
fn job_state(object: &Value) -> State {
    let conditions = object
        .pointer("/status/conditions")
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    let holds = |kind: &str| {
        conditions.iter().find(|c| {
            c.get("type").and_then(Value::as_str) == Some(kind)
                && c.get("status").and_then(Value::as_str) == Some("True")
        })
    };
    if holds("Complete").is_some() {
        return State::Done;
    }
    if let Some(failed) = holds("Failed") {
        let text = |field: &str| {
            failed
                .get(field)
                .and_then(Value::as_str)
                .unwrap_or_default()
        };
        return State::Failed(format!("{}: {}", text("reason"), text("message")));
    }
    let succeeded = number(object, "/status/succeeded", 0);
    let completions = number(object, "/spec/completions", 1);
    State::Pending(format!("{succeeded} of {completions} completions"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_deployment_is_done_when_every_replica_is_updated_and_available() {
        let mut deployment = json!({
            "metadata": {"generation": 2},
            "spec": {"replicas": 3},
            "status": {"observedGeneration": 1, "replicas": 3, "updatedReplicas": 3, "availableReplicas": 3},
        });
        assert_eq!(
            state("Deployment", &deployment),
            State::Pending("the controller has not seen generation 2 yet".into())
        );
        deployment["status"]["observedGeneration"] = json!(2);
        deployment["status"]["updatedReplicas"] = json!(1);
        assert_eq!(
            state("Deployment", &deployment),
            State::Pending("1 of 3 updated".into())
        );
        deployment["status"]["updatedReplicas"] = json!(3);
        deployment["status"]["availableReplicas"] = json!(2);
        assert_eq!(
            state("Deployment", &deployment),
            State::Pending("2 of 3 available".into())
        );
        deployment["status"]["availableReplicas"] = json!(3);
        assert_eq!(state("Deployment", &deployment), State::Done);
    }

    #[test]
    fn a_job_is_done_when_complete_and_failed_when_failed() {
        let job = |kind: &str| json!({"status": {"conditions": [{"type": kind, "status": "True", "reason": "BackoffLimitExceeded", "message": "too many failures"}]}});
        assert_eq!(job_state(&job("Complete")), State::Done);
        assert_eq!(
            job_state(&job("Failed")),
            State::Failed("BackoffLimitExceeded: too many failures".into())
        );
        assert_eq!(
            job_state(&json!({"spec": {"completions": 2}, "status": {"succeeded": 1}})),
            State::Pending("1 of 2 completions".into())
        );
    }

    #[test]
    fn a_daemon_set_counts_scheduled_nodes() {
        let daemon_set = json!({
            "metadata": {"generation": 1},
            "status": {"observedGeneration": 1, "desiredNumberScheduled": 2, "updatedNumberScheduled": 2, "numberAvailable": 1},
        });
        assert_eq!(
            state("DaemonSet", &daemon_set),
            State::Pending("1 of 2 available".into())
        );
    }
}
